package io.oort.engine.core.internal.sink.cache;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cache pages as files in one directory per sink ({@code data/cache/<rule>/<sink>/}): {@code <seq>.page}, oldest
 * first by sequence number (which may be negative: pages saved at stop go before the oldest). A page is written to
 * {@code <seq>.page.tmp}, forced to the device and renamed, so after a crash a page is either whole or absent; a page
 * that fails its checksum is reported and skipped. The directory is listed once at open; after that the store keeps
 * its own index (one sink owns a directory).
 */
final class FilePageStore implements PageStore {

    private static final Logger LOG = LoggerFactory.getLogger(FilePageStore.class);
    private static final String SUFFIX = ".page";
    private static final String TMP = ".page.tmp";

    private final Path dir;
    private final TreeMap<Long, Integer> pages = new TreeMap<>();
    private long entries;

    FilePageStore(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.endsWith(TMP)) {
                    Files.deleteIfExists(f); // a write that did not complete
                    continue;
                }
                if (!name.endsWith(SUFFIX)) {
                    continue;
                }
                long seq;
                try {
                    seq = Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
                } catch (NumberFormatException e) {
                    continue;
                }
                int count;
                try (InputStream in = Files.newInputStream(f)) {
                    count = PageCodec.count(in);
                } catch (IOException e) {
                    LOG.warn("sink cache page {} is unreadable and dropped: {}", f, e.toString());
                    Files.deleteIfExists(f);
                    continue;
                }
                pages.put(seq, count);
                entries += count;
            }
        }
    }

    Path dir() {
        return dir;
    }

    @Override
    public int pages() {
        return pages.size();
    }

    @Override
    public long entries() {
        return entries;
    }

    @Override
    public void append(List<CacheEntry> page) throws IOException {
        write(pages.isEmpty() ? 0 : pages.lastKey() + 1, page);
    }

    @Override
    public void prepend(List<CacheEntry> page) throws IOException {
        write(pages.isEmpty() ? 0 : pages.firstKey() - 1, page);
    }

    private void write(long seq, List<CacheEntry> page) throws IOException {
        byte[] bytes = PageCodec.encode(page);
        Files.createDirectories(dir);
        Path tmp = dir.resolve(seq + TMP);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        Files.move(tmp, file(seq), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDir();
        pages.put(seq, page.size());
        entries += page.size();
    }

    @Override
    public List<CacheEntry> pollFirst() throws IOException {
        Map.Entry<Long, Integer> first = pages.pollFirstEntry();
        if (first == null) {
            return null;
        }
        entries -= first.getValue();
        Path f = file(first.getKey());
        try {
            return PageCodec.decode(Files.readAllBytes(f));
        } catch (NoSuchFileException e) {
            throw new UnreadablePage(first.getValue(), "sink cache page " + f + " disappeared");
        } catch (IOException e) {
            throw new UnreadablePage(first.getValue(), "sink cache page " + f + " is unreadable: " + e.getMessage());
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @Override
    public int dropFirst() throws IOException {
        Map.Entry<Long, Integer> first = pages.pollFirstEntry();
        if (first == null) {
            return 0;
        }
        entries -= first.getValue();
        Files.deleteIfExists(file(first.getKey()));
        return first.getValue();
    }

    @Override
    public void clear() throws IOException {
        pages.clear();
        entries = 0;
        deleteTree(dir);
    }

    /** Deletes a directory and everything in it (a missing directory is fine). */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (Files.isDirectory(f)) {
                    deleteTree(f);
                } else {
                    Files.deleteIfExists(f);
                }
            }
        }
        Files.deleteIfExists(dir);
    }

    private Path file(long seq) {
        return dir.resolve(seq + SUFFIX);
    }

    /** Makes the rename durable (best effort: not every platform can open a directory). */
    private void syncDir() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // not supported here; the page itself is on the device
        }
    }
}
