package io.oort.engine.core.internal.sink.cache;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A sink's cache of undelivered messages, eKuiper's two tiers ({@code internal/topo/node/cache/sync_cache.go} and
 * the Caching section of the sink docs): a FIFO queue whose oldest entries stay in memory (up to
 * {@code memoryCacheThreshold}), whose overflow is gathered in a write page and stored on disk a page of
 * {@code bufferPageSize} entries at a time (up to {@code maxDiskCache / bufferPageSize} pages), and which is read
 * back a page at a time once memory is drained. Order is kept across tiers: memory, then the disk pages oldest
 * first, then the write page.
 *
 * <p>When the disk is full and another page must be written, the oldest page worth of messages is discarded (from
 * memory, which then takes the oldest disk page in, freeing a slot; or straight from disk when memory is empty) and
 * reported: eKuiper's rotation, dropping the oldest data. On {@link #close(boolean) close} without cleaning, memory
 * and the write page are saved as pages (memory before the oldest page) so the whole cache survives a rule or engine
 * restart; a crash loses what was only in memory, as in eKuiper.
 *
 * <p>Not thread safe: used on its rule's thread. {@link #size()} may be read from any thread (metrics).
 */
public final class SinkCache {

    private final int memoryCapacity;
    private final int pageSize;
    private final int maxDiskPages;
    private final PageStore disk;
    private final Consumer<String> errors;
    private final ArrayDeque<CacheEntry> memory = new ArrayDeque<>();
    private List<CacheEntry> writePage = new ArrayList<>();
    private volatile int size;
    private long dropped;

    private SinkCache(int memoryCapacity, int pageSize, int maxDiskPages, PageStore disk, Consumer<String> errors) {
        this.memoryCapacity = memoryCapacity;
        this.pageSize = pageSize;
        this.maxDiskPages = maxDiskPages;
        this.disk = disk;
        this.errors = errors;
        this.size = disk == null ? 0 : (int) Math.min(Integer.MAX_VALUE, disk.entries());
    }

    /**
     * A memory and disk cache.
     *
     * @param dir    the sink's page directory, or null to keep the pages in memory (an engine without a home)
     * @param clean  drop what a previous run left (cleanCacheAtStop)
     * @param errors receives disk problems and rotations (the rule's metrics)
     */
    public static SinkCache open(Path dir, int memoryCapacity, int pageSize, int maxDiskPages, boolean clean,
            Consumer<String> errors) throws IOException {
        PageStore store;
        if (dir == null) {
            store = new MemoryPageStore();
        } else {
            if (clean) {
                FilePageStore.deleteTree(dir);
            }
            store = new FilePageStore(dir);
        }
        return new SinkCache(memoryCapacity, pageSize, Math.max(1, maxDiskPages), store, errors);
    }

    /**
     * A memory-only retry queue of {@code capacity} entries (eKuiper's sink buffer when {@code resendInterval} is set
     * without {@code enableCache}): when full, the oldest entry is dropped and reported.
     */
    public static SinkCache memoryOnly(int capacity, Consumer<String> errors) {
        return new SinkCache(Math.max(1, capacity), Math.max(1, capacity), 0, null, errors);
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Messages held, in memory and on disk. */
    public int size() {
        return size;
    }

    /** Messages discarded because the cache was full. */
    public long dropped() {
        return dropped;
    }

    /** Entries in memory (tests). */
    int inMemory() {
        return memory.size();
    }

    /** Pages on disk (tests). */
    int diskPages() {
        return disk == null ? 0 : disk.pages();
    }

    /** Adds a message after every cached one. */
    public void append(CacheEntry e) {
        if (disk == null) {
            if (memory.size() >= memoryCapacity) {
                memory.pollFirst();
                size--;
                dropped++;
                errors.accept("sink retry buffer is full: dropped the oldest message");
            }
            memory.addLast(e);
            size++;
            return;
        }
        if (disk.pages() == 0 && writePage.isEmpty() && memory.size() < memoryCapacity) {
            memory.addLast(e);
        } else {
            writePage.add(e);
            if (writePage.size() >= pageSize) {
                flushWritePage();
            }
        }
        size++;
    }

    /** The oldest message, or null when the cache is empty. */
    public CacheEntry peek() {
        if (memory.isEmpty()) {
            refill();
        }
        return memory.peekFirst();
    }

    /** Removes and returns the oldest message, or null. */
    public CacheEntry poll() {
        CacheEntry e = peek();
        if (e != null) {
            memory.pollFirst();
            size--;
        }
        return e;
    }

    /**
     * Ends this cache: with {@code clean} every entry and page is deleted; otherwise memory and the write page are
     * saved to disk (as pages of {@code bufferPageSize}), to be resent by the next run.
     */
    public void close(boolean clean) {
        if (disk == null) {
            memory.clear();
            size = 0;
            return;
        }
        try {
            if (clean) {
                memory.clear();
                writePage.clear();
                disk.clear();
                size = 0;
                return;
            }
            List<CacheEntry> mem = new ArrayList<>(memory);
            for (int end = mem.size(); end > 0; end -= pageSize) {
                disk.prepend(new ArrayList<>(mem.subList(Math.max(0, end - pageSize), end)));
            }
            memory.clear();
            if (!writePage.isEmpty()) {
                disk.append(writePage);
                writePage = new ArrayList<>();
            }
            if (disk.pages() == 0) {
                disk.clear(); // nothing kept: no empty directory left behind
            }
        } catch (IOException e) {
            errors.accept("sink cache: saving the cache to disk failed, " + size + " messages lost: " + e.getMessage());
        }
    }

    private void flushWritePage() {
        while (disk.pages() >= maxDiskPages) {
            if (!rotate()) {
                break;
            }
        }
        try {
            disk.append(writePage);
            writePage = new ArrayList<>(pageSize);
        } catch (IOException e) {
            // keep the page in memory; the next full page retries with both
            errors.accept("sink cache: cannot write a page to disk: " + e.getMessage());
        }
    }

    /** Discards the oldest page worth of messages to make room for a new disk page. */
    private boolean rotate() {
        int n;
        if (!memory.isEmpty()) {
            n = Math.min(pageSize, memory.size());
            for (int i = 0; i < n; i++) {
                memory.pollFirst();
            }
            loadOldestPage(); // frees a disk slot
        } else {
            try {
                n = disk.dropFirst();
            } catch (IOException e) {
                errors.accept("sink cache: cannot drop the oldest page: " + e.getMessage());
                return false;
            }
        }
        size -= n;
        dropped += n;
        errors.accept("sink cache is full (maxDiskCache): dropped the " + n + " oldest messages");
        return n > 0 || disk.pages() < maxDiskPages;
    }

    /** Refills memory: the oldest disk page, else the write page. */
    private void refill() {
        if (disk == null) {
            return;
        }
        while (memory.isEmpty() && disk.pages() > 0) {
            loadOldestPage();
        }
        if (memory.isEmpty() && !writePage.isEmpty()) {
            memory.addAll(writePage);
            writePage = new ArrayList<>(pageSize);
        }
    }

    private void loadOldestPage() {
        try {
            List<CacheEntry> page = disk.pollFirst();
            if (page != null) {
                memory.addAll(page);
            }
        } catch (PageStore.UnreadablePage e) {
            size -= e.entries;
            dropped += e.entries;
            errors.accept(e.getMessage() + ": " + e.entries + " messages lost");
        } catch (IOException e) {
            errors.accept("sink cache: " + e.getMessage());
        }
    }
}
