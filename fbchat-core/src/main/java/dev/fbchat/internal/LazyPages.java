package dev.fbchat.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;

/**
 * A lazy {@link Stream} fed page by page, as fbchat's generators are: the next page is requested only when the
 * items already fetched are consumed. Subclasses fetch one page per {@link #fetchPage} call.
 *
 * @param <T> the items
 */
public abstract class LazyPages<T> implements Iterator<T> {

    private final Deque<T> fetched = new ArrayDeque<>();

    private boolean exhausted;

    /**
     * Requests the next page and hands its items to {@code emit}.
     *
     * @return whether another page may follow
     */
    protected abstract boolean fetchPage(Consumer<T> emit);

    @Override
    public final boolean hasNext() {
        while (this.fetched.isEmpty() && !this.exhausted) {
            this.exhausted = !fetchPage(this.fetched::add);
        }
        return !this.fetched.isEmpty();
    }

    @Override
    public final T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return this.fetched.removeFirst();
    }

    /**
     * Pages asked for by offset and size, as fbchat's searches do: a page shorter than asked for is the last.
     *
     * @param sizes the page sizes ({@link Limits#pages})
     * @param page fetches the items from an offset, at most a size of them; {@code null} items are skipped
     */
    public static <T> Stream<T> byOffset(Iterator<Integer> sizes, OffsetPage<T> page) {
        return new LazyPages<T>() {

            private int offset;

            @Override
            protected boolean fetchPage(Consumer<T> emit) {
                if (!sizes.hasNext()) {
                    return false;
                }
                int size = sizes.next();
                List<@Nullable T> items = page.fetch(this.offset, size);
                items.stream().filter(java.util.Objects::nonNull).forEach(emit);
                this.offset += size;
                return items.size() >= size;
            }
        }.stream();
    }

    /**
     * One page of an offset-paged request.
     *
     * @param <T> the items
     */
    @FunctionalInterface
    public interface OffsetPage<T> {

        /** The items from {@code offset}, at most {@code size} of them. */
        List<@Nullable T> fetch(int offset, int size);
    }

    /** These pages as a sequential, ordered stream. */
    public final Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }
}
