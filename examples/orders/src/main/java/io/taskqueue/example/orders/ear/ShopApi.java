package io.taskqueue.example.orders.ear;

import io.taskqueue.example.orders.boundary.OrdersResource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The shop's REST application when the shop is its own module of an EAR (at {@code /shop/api}). In
 * the single WAR it is left out: taskqueue's application at {@code /api} serves the shop's
 * resources too.
 */
@ApplicationPath("api")
@DeclareRoles("submitter")
public class ShopApi extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(OrdersResource.class);
  }
}
