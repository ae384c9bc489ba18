package io.oort.engine.core.internal.sink.cache;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** Pages kept in memory: the "disk" tier of an engine that has no home directory (embedded use). */
final class MemoryPageStore implements PageStore {

    private final ArrayDeque<List<CacheEntry>> pages = new ArrayDeque<>();
    private long entries;

    @Override
    public int pages() {
        return pages.size();
    }

    @Override
    public long entries() {
        return entries;
    }

    @Override
    public void append(List<CacheEntry> page) {
        pages.addLast(new ArrayList<>(page));
        entries += page.size();
    }

    @Override
    public void prepend(List<CacheEntry> page) {
        pages.addFirst(new ArrayList<>(page));
        entries += page.size();
    }

    @Override
    public List<CacheEntry> pollFirst() {
        List<CacheEntry> p = pages.pollFirst();
        if (p != null) {
            entries -= p.size();
        }
        return p;
    }

    @Override
    public int dropFirst() {
        List<CacheEntry> p = pollFirst();
        return p == null ? 0 : p.size();
    }

    @Override
    public void clear() {
        pages.clear();
        entries = 0;
    }
}
