package io.taskqueue.security.control;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.BeanAttributes;
import jakarta.enterprise.inject.spi.ProcessBeanAttributes;
import jakarta.enterprise.inject.spi.configurator.BeanAttributesConfigurator;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HostMechanismsTest {

  /** An application's own mechanism, in the same WAR as taskqueue's. */
  static class ShopSignIn implements HttpAuthenticationMechanism {
    @Override
    public AuthenticationStatus validateRequest(
        HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
      return context.doNothing();
    }
  }

  private final HostMechanisms extension = new HostMechanisms();

  @Test
  void theApplicationsMechanismIsSetAsideUnderItsOwnQualifier() {
    BeanAttributesConfigurator<Object> configurator = configurator();
    extension.setAside(event(ShopSignIn.class, configurator, HttpAuthenticationMechanism.class));

    verify(configurator)
        .qualifiers((Annotation) HostAuthentication.Literal.INSTANCE, Any.Literal.INSTANCE);
  }

  @Test
  void taskqueuesOwnMechanismAndOtherBeansAreLeftAlone() {
    BeanAttributesConfigurator<Object> configurator = configurator();
    extension.setAside(
        event(BearerAuthentication.class, configurator, HttpAuthenticationMechanism.class));
    extension.setAside(event(String.class, configurator, String.class));

    verify(configurator, never()).qualifiers(any(Annotation[].class));
  }

  @Test
  void aMechanismOfAnotherModuleIsThatModulesOwn() {
    // A JDK class stands for it: loaded by another class loader than taskqueue's, as another
    // WAR's classes are.
    BeanAttributesConfigurator<Object> configurator = configurator();
    extension.setAside(event(Object.class, configurator, HttpAuthenticationMechanism.class));

    verify(configurator, never()).qualifiers(any(Annotation[].class));
  }

  @Test
  void twoMechanismsOfTheApplicationFailTheDeploymentNamingBoth() {
    extension.setAside(event(ShopSignIn.class, configurator(), HttpAuthenticationMechanism.class));
    AfterDeploymentValidation oneIsFine = mock(AfterDeploymentValidation.class);
    extension.oneAtMost(oneIsFine);
    verify(oneIsFine, never()).addDeploymentProblem(any());

    extension.setAside(event(OtherSignIn.class, configurator(), HttpAuthenticationMechanism.class));
    AfterDeploymentValidation two = mock(AfterDeploymentValidation.class);
    extension.oneAtMost(two);
    verify(two)
        .addDeploymentProblem(
            org.mockito.ArgumentMatchers.argThat(
                e ->
                    e.getMessage().contains(ShopSignIn.class.getName())
                        && e.getMessage().contains(OtherSignIn.class.getName())));
  }

  /** A second mechanism, left behind by a refactoring, say. */
  static class OtherSignIn extends ShopSignIn {}

  @SuppressWarnings("unchecked")
  private static BeanAttributesConfigurator<Object> configurator() {
    return mock(BeanAttributesConfigurator.class, RETURNS_SELF);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ProcessBeanAttributes<Object> event(
      Class<?> beanClass, BeanAttributesConfigurator<Object> configurator, Type type) {
    ProcessBeanAttributes<Object> event = mock(ProcessBeanAttributes.class);
    BeanAttributes<Object> attributes = mock(BeanAttributes.class);
    when(attributes.getTypes()).thenReturn(Set.of(Object.class, type));
    when(event.getBeanAttributes()).thenReturn(attributes);
    AnnotatedType annotated = mock(AnnotatedType.class);
    when(annotated.getJavaClass()).thenReturn(beanClass);
    when(event.getAnnotated()).thenReturn(annotated);
    when(event.configureBeanAttributes()).thenReturn(configurator);
    return event;
  }
}
