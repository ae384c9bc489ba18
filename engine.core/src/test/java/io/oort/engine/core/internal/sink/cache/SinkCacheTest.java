package io.oort.engine.core.internal.sink.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two-tier sink cache: order across memory, disk pages and the write page; rotation; saving and recovery. */
class SinkCacheTest {

    @TempDir
    Path tmp;

    private final List<String> errors = new ArrayList<>();

    private static CacheEntry msg(int i) {
        return new CacheEntry(("m" + i).getBytes(StandardCharsets.UTF_8), null, Map.of("topic", "t/" + i), null);
    }

    private static int id(CacheEntry e) {
        return Integer.parseInt(new String(e.payload(), StandardCharsets.UTF_8).substring(1));
    }

    private static List<Integer> drain(SinkCache c) {
        List<Integer> out = new ArrayList<>();
        CacheEntry e;
        while ((e = c.poll()) != null) {
            out.add(id(e));
        }
        return out;
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add(i);
        }
        return out;
    }

    private static long pageFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".page")).count();
        }
    }

    @Test
    void overflowGoesFromMemoryToDiskPagesAndComesBackInOrder() throws IOException {
        Path dir = tmp.resolve("sink");
        SinkCache c = SinkCache.open(dir, 4, 2, 100, false, errors::add);
        for (int i = 1; i <= 11; i++) {
            c.append(msg(i));
        }
        assertEquals(11, c.size());
        assertEquals(4, c.inMemory(), "memoryCacheThreshold entries stay in memory");
        assertEquals(3, c.diskPages(), "the overflow is written a page of bufferPageSize at a time");
        assertEquals(3, pageFiles(dir));
        assertEquals(1, c.peek() == null ? -1 : id(c.peek()));
        assertEquals(range(1, 11), drain(c), "memory, then disk pages oldest first, then the write page");
        assertTrue(c.isEmpty());
        assertEquals(0, pageFiles(dir), "pages read back are deleted");
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void appendsWhileDrainingKeepTheOrder() throws IOException {
        SinkCache c = SinkCache.open(tmp.resolve("s"), 2, 2, 100, false, errors::add);
        List<Integer> got = new ArrayList<>();
        int next = 1;
        for (int round = 0; round < 20; round++) {
            for (int k = 0; k < 3; k++) {
                c.append(msg(next++));
            }
            got.add(id(c.poll()));
            got.add(id(c.poll()));
        }
        got.addAll(drain(c));
        assertEquals(range(1, next - 1), got);
    }

    @Test
    void aFullDiskRotatesTheOldestPageOut() throws IOException {
        SinkCache c = SinkCache.open(tmp.resolve("s"), 2, 2, 2, false, errors::add);
        for (int i = 1; i <= 8; i++) {
            c.append(msg(i));
        }
        // 1,2 in memory; pages (3,4) (5,6) fill the disk; the page (7,8) makes the oldest page of data go
        assertEquals(6, c.size());
        assertEquals(2, c.dropped());
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).contains("dropped the 2 oldest messages"), errors.get(0));
        for (int i = 9; i <= 10; i++) {
            c.append(msg(i));
        }
        assertEquals(range(5, 10), drain(c));
        assertEquals(4, c.dropped());
    }

    @Test
    void rotationWithEmptyMemoryDropsTheOldestDiskPage() throws IOException {
        SinkCache c = SinkCache.open(tmp.resolve("s"), 2, 2, 2, false, errors::add);
        for (int i = 1; i <= 6; i++) {
            c.append(msg(i));
        }
        assertEquals(1, id(c.poll()));
        assertEquals(2, id(c.poll()));
        c.append(msg(7));
        c.append(msg(8));
        assertEquals(range(5, 8), drain(c));
        assertEquals(2, c.dropped());
    }

    @Test
    void closeSavesMemoryAndTheWritePageAndOpenRestoresEverythingInOrder() throws IOException {
        Path dir = tmp.resolve("rule1").resolve("sink_mqtt_0");
        SinkCache c = SinkCache.open(dir, 4, 3, 100, false, errors::add);
        for (int i = 1; i <= 12; i++) {
            c.append(msg(i));
        }
        assertEquals(1, id(c.poll()));
        c.close(false);
        // memory (2,3,4) saved before the oldest page, the write page (11,12) after the newest
        assertEquals(4, pageFiles(dir));

        SinkCache again = SinkCache.open(dir, 4, 3, 100, false, errors::add);
        assertEquals(11, again.size(), "the size is known before anything is read back");
        again.append(msg(13));
        assertEquals(range(2, 13), drain(again));
        again.close(false);
        assertFalse(Files.exists(dir), "an empty cache leaves no directory behind");
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void restoredEntriesKeepPayloadRowsPropertiesAndSourceWithTheirTypes() throws IOException {
        Path dir = tmp.resolve("types");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("l", 42L);
        row.put("d", 1.0);
        row.put("s", "text");
        row.put("b", new byte[] {1, 2, 3});
        row.put("n", null);
        row.put("t", true);
        row.put("dec", new BigDecimal("12.3400"));
        row.put("at", Instant.ofEpochSecond(1_700_000_000L, 123_456_789));
        row.put("zoned", ZonedDateTime.of(2024, 1, 2, 3, 4, 5, 6, ZoneId.of("Asia/Shanghai")));
        row.put("list", List.of(1L, "x", Map.of("k", 2.5)));
        Map<String, String> props = new LinkedHashMap<>();
        props.put("topic", "devices/7");
        props.put("empty", null);
        CacheEntry e = new CacheEntry(new byte[] {0, (byte) 0xFF, 7}, List.of(row), props, List.of(row));
        SinkCache c = SinkCache.open(dir, 1, 1, 100, false, errors::add);
        c.append(msg(0));
        c.append(e);
        c.append(new CacheEntry(null, List.of(Map.of("only", "rows")), Map.of(), null));
        c.close(false);

        SinkCache again = SinkCache.open(dir, 1, 1, 100, false, errors::add);
        assertEquals(0, id(again.poll()));
        CacheEntry back = again.poll();
        assertArrayEquals(e.payload(), back.payload());
        Map<String, Object> r = back.rows().get(0);
        assertEquals(42L, r.get("l"));
        assertEquals(1.0, r.get("d"));
        assertEquals("text", r.get("s"));
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) r.get("b"));
        assertTrue(r.containsKey("n"));
        assertNull(r.get("n"));
        assertEquals(true, r.get("t"));
        assertEquals(new BigDecimal("12.3400"), r.get("dec"));
        assertEquals(row.get("at"), r.get("at"));
        assertEquals(row.get("zoned"), r.get("zoned"));
        assertEquals(List.of(1L, "x", Map.of("k", 2.5)), r.get("list"));
        assertEquals(Arrays.asList(row.keySet().toArray()), Arrays.asList(r.keySet().toArray()), "key order kept");
        assertEquals(props, back.props());
        assertEquals(1, ((List<?>) back.source()).size());
        CacheEntry rowsOnly = again.poll();
        assertNull(rowsOnly.payload());
        assertEquals(List.of(Map.of("only", "rows")), rowsOnly.rows());
    }

    @Test
    void cleanCacheAtStopDeletesEverything() throws IOException {
        Path dir = tmp.resolve("clean");
        SinkCache c = SinkCache.open(dir, 2, 2, 100, false, errors::add);
        for (int i = 1; i <= 7; i++) {
            c.append(msg(i));
        }
        c.close(true);
        assertFalse(Files.exists(dir));

        SinkCache kept = SinkCache.open(dir, 2, 2, 100, false, errors::add);
        for (int i = 1; i <= 7; i++) {
            kept.append(msg(i));
        }
        kept.close(false);
        assertTrue(pageFiles(dir) > 0);
        SinkCache cleaned = SinkCache.open(dir, 2, 2, 100, true, errors::add);
        assertTrue(cleaned.isEmpty(), "a cache opened with cleanCacheAtStop drops what an earlier run left");
    }

    @Test
    void aDamagedPageIsReportedAndSkipped() throws IOException {
        Path dir = tmp.resolve("damaged");
        SinkCache c = SinkCache.open(dir, 2, 2, 100, false, errors::add);
        for (int i = 1; i <= 8; i++) {
            c.append(msg(i));
        }
        c.close(false);
        // pages: -1 (1,2, saved from memory) 0 (3,4) 1 (5,6) 2 (7,8): damage the page holding 3 and 4
        Path page = dir.resolve("0.page");
        byte[] b = Files.readAllBytes(page);
        b[b.length / 2] ^= 0x55;
        Files.write(page, b);
        Files.writeString(dir.resolve("9.page.tmp"), "an interrupted write");

        SinkCache again = SinkCache.open(dir, 2, 2, 100, false, errors::add);
        assertFalse(Files.exists(dir.resolve("9.page.tmp")), "leftovers of interrupted writes are removed");
        assertEquals(List.of(1, 2, 5, 6, 7, 8), drain(again));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("2 messages lost"), errors.get(0));
        assertEquals(0, again.size());
    }

    @Test
    void withoutADataDirectoryPagesStayInMemory() throws IOException {
        SinkCache c = SinkCache.open(null, 2, 2, 3, false, errors::add);
        for (int i = 1; i <= 9; i++) {
            c.append(msg(i));
        }
        assertEquals(3, c.diskPages());
        assertEquals(range(1, 9), drain(c));
    }

    @Test
    void theRetryBufferDropsItsOldestWhenFull() {
        SinkCache c = SinkCache.memoryOnly(3, errors::add);
        for (int i = 1; i <= 5; i++) {
            c.append(msg(i));
        }
        assertEquals(List.of(3, 4, 5), drain(c));
        assertEquals(2, c.dropped());
        assertEquals(2, errors.size());
    }
}
