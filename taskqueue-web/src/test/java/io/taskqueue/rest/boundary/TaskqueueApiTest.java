package io.taskqueue.rest.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.api.control.ServedUnderApiOnly;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.WriterInterceptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * taskqueue's JAX-RS classes are named by its application, never found by scanning: a new resource
 * or provider that is not listed would be missing from the API, and one marked {@code @Provider}
 * would also serve the application taskqueue is laid over.
 */
class TaskqueueApiTest {

  private static final List<Class<?>> PROVIDER_TYPES =
      List.of(
          ExceptionMapper.class,
          ContainerRequestFilter.class,
          ContainerResponseFilter.class,
          DynamicFeature.class,
          ContextResolver.class,
          ReaderInterceptor.class,
          WriterInterceptor.class,
          MessageBodyReader.class,
          MessageBodyWriter.class,
          ParamConverterProvider.class);

  @Test
  void everyResourceAndTopLevelProviderIsListedAndNoneIsFoundByScanning() throws Exception {
    Set<String> resources = new TreeSet<>();
    Set<String> providers = new TreeSet<>();
    for (Class<?> type : compiledClasses()) {
      assertTrue(
          !type.isAnnotationPresent(Provider.class),
          type.getName() + " is a @Provider: scanning applications of the WAR would pick it up");
      if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
        resources.add(type.getName());
      } else if (type.getEnclosingClass() == null
          && PROVIDER_TYPES.stream().anyMatch(p -> p.isAssignableFrom(type))) {
        providers.add(type.getName());
      }
    }
    assertEquals(names(TaskqueueApi.RESOURCES), resources);
    assertEquals(names(TaskqueueApi.PROVIDERS), providers);
    assertEquals(resources.size() + providers.size(), new TaskqueueApi().getClasses().size());
  }

  @Test
  void everyResourceAnswersUnderTheApiOnly() {
    for (Class<?> resource : TaskqueueApi.RESOURCES) {
      assertTrue(
          resource.isAnnotationPresent(ServedUnderApiOnly.class),
          resource.getName() + " lacks @ServedUnderApiOnly");
    }
  }

  private static Set<String> names(Set<Class<?>> classes) {
    Set<String> names = new TreeSet<>();
    classes.forEach(c -> names.add(c.getName()));
    return names;
  }

  /** Every class of this module's main output. */
  private static List<Class<?>> compiledClasses() throws IOException {
    Path root =
        Path.of(TaskqueueApi.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(f -> f.toString().endsWith(".class"))
          .map(f -> root.relativize(f).toString())
          .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
          .filter(name -> !name.endsWith("package-info") && !name.contains("$"))
          .map(TaskqueueApiTest::load)
          .toList();
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, TaskqueueApiTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
