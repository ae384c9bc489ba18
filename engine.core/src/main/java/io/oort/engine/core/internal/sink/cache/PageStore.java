package io.oort.engine.core.internal.sink.cache;

import java.io.IOException;
import java.util.List;

/** The disk tier of a sink cache: an ordered queue of pages (lists of entries), oldest first. */
interface PageStore {

    /** A page that could not be read back: its entries are lost. */
    final class UnreadablePage extends IOException {
        private static final long serialVersionUID = 1L;
        final int entries;

        UnreadablePage(int entries, String message) {
            super(message);
            this.entries = entries;
        }
    }

    int pages();

    /** Entries in all pages. */
    long entries();

    /** Adds a page after the newest. */
    void append(List<CacheEntry> page) throws IOException;

    /** Adds a page before the oldest (memory entries saved at stop are older than every page). */
    void prepend(List<CacheEntry> page) throws IOException;

    /** Removes and returns the oldest page, or null when there is none. */
    List<CacheEntry> pollFirst() throws IOException;

    /** Removes the oldest page without reading it; returns how many entries it held. */
    int dropFirst() throws IOException;

    /** Removes every page. */
    void clear() throws IOException;
}
