package dev.fbchat.internal;

import java.util.Iterator;
import java.util.NoSuchElementException;

import org.jspecify.annotations.Nullable;

/**
 * Splits a wanted number of items into page sizes of at most {@code max} ({@code get_limits} in fbchat). No limit
 * means pages of {@code max} for ever.
 */
public final class Limits {

    private Limits() {
    }

    /**
     * The page sizes for {@code limit} items.
     *
     * @throws IllegalArgumentException when {@code limit} is negative
     */
    public static Iterator<Integer> pages(@Nullable Integer limit, int max) {
        if (max <= 0) {
            throw new IllegalArgumentException("max must be positive, got " + max);
        }
        if (limit != null && limit < 0) {
            throw new IllegalArgumentException("Limit cannot be negative, got " + limit);
        }
        return new Iterator<>() {

            private long left = limit == null ? -1 : limit;

            @Override
            public boolean hasNext() {
                return this.left != 0;
            }

            @Override
            public Integer next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (this.left < 0) {
                    return max;
                }
                int page = (int) Math.min(max, this.left);
                this.left -= page;
                return page;
            }
        };
    }
}
