package dev.fbchat.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

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

    /** These pages as a sequential, ordered stream. */
    public final Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }
}
