package io.taskqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadTypesTest {

  record Order(long id) {}

  abstract static class Handler<T> implements TypedJobHandler<T> {
    @Override
    public String type() {
      return "test";
    }

    @Override
    public Object handle(T payload, JobContext context) {
      return payload;
    }
  }

  static class OrderHandler extends Handler<Order> {}

  static class ListHandler extends Handler<List<Order>> {}

  /** As a container's proxy or interceptor subclass is. */
  static class ProxiedOrderHandler extends OrderHandler {}

  interface OrderJobs extends TypedJobHandler<Order> {}

  static class ThroughAnInterface implements OrderJobs {
    @Override
    public String type() {
      return "test";
    }

    @Override
    public Object handle(Order payload, JobContext context) {
      return payload;
    }
  }

  static class Open<T> extends Handler<T> {}

  static class Batches<T> extends Handler<List<T>> {}

  static class OrderBatches extends Batches<Order> {}

  static class OrderBatchesWithAToken extends Batches<Order> {
    @Override
    public Type payloadType() {
      return new PayloadType<List<Order>>() {}.type();
    }
  }

  @Test
  void theClassNamesThePayloadTypeDirectlyOrThroughSuperclassesAndInterfaces() {
    assertEquals(Order.class, new OrderHandler().payloadType());
    assertEquals(Order.class, new ProxiedOrderHandler().payloadType());
    assertEquals(Order.class, new ThroughAnInterface().payloadType());
  }

  @Test
  void aGenericPayloadTypeKeepsItsArguments() {
    String list = "java.util.List<" + Order.class.getName() + ">";
    assertEquals(list, new ListHandler().payloadType().getTypeName());
    assertEquals(list, new OrderBatchesWithAToken().payloadType().getTypeName());
  }

  @Test
  void aPayloadTypeLeftOpenIsRefusedNamingTheWayOut() {
    var open = assertThrows(IllegalStateException.class, () -> new Open<Order>().payloadType());
    assertTrue(open.getMessage().contains("override payloadType() with a PayloadType"));
    var nested = assertThrows(IllegalStateException.class, () -> new OrderBatches().payloadType());
    assertTrue(nested.getMessage().contains("List<T>"), nested.getMessage());
  }

  @Test
  void theHandlerGetsThePayloadMappedToItsType() throws Exception {
    Order order = new Order(7);
    JobContext context =
        new JobContext() {
          @Override
          public java.util.UUID jobId() {
            return java.util.UUID.randomUUID();
          }

          @Override
          public String type() {
            return "test";
          }

          @Override
          public jakarta.json.JsonObject payload() {
            throw new UnsupportedOperationException();
          }

          @Override
          @SuppressWarnings("unchecked")
          public <T> T payload(Class<T> type) {
            assertEquals(Order.class, type);
            return (T) order;
          }

          @Override
          public int attempt() {
            return 1;
          }

          @Override
          public int maxAttempts() {
            return 1;
          }

          @Override
          public boolean isCancelled() {
            return false;
          }
        };
    assertEquals(order, new OrderHandler().handle(context));
  }

  @Test
  void aTokenMadeWithoutATypeArgumentIsRefused() {
    @SuppressWarnings("rawtypes")
    class Raw extends PayloadType {}
    assertThrows(IllegalStateException.class, Raw::new);
  }
}
