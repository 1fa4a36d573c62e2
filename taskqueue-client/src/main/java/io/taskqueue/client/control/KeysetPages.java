package io.taskqueue.client.control;

import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Pages followed by their cursors as one lazy stream: a page is fetched only when the stream
 * reaches it, so {@code limit(10)} reads one page however many there are.
 */
public final class KeysetPages {

  private KeysetPages() {}

  /**
   * @param fetch reads the page after a cursor (null for the first)
   * @param items a page's items
   * @param next a page's cursor of the next page, null on the last
   */
  public static <P, T> Stream<T> stream(
      Function<String, P> fetch, Function<P, List<T>> items, Function<P, String> next) {
    Spliterator<T> pages =
        new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
          private Iterator<T> current;
          private String cursor;
          private boolean last;

          @Override
          public boolean tryAdvance(Consumer<? super T> action) {
            while (current == null || !current.hasNext()) {
              if (last) {
                return false;
              }
              P page = fetch.apply(cursor);
              current = items.apply(page).iterator();
              cursor = next.apply(page);
              last = cursor == null;
            }
            action.accept(current.next());
            return true;
          }
        };
    return StreamSupport.stream(pages, false);
  }
}
