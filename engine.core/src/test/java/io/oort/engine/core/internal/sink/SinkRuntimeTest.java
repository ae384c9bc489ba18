package io.oort.engine.core.internal.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.oort.engine.core.api.ConnectorDescriptor.Payload;
import io.oort.engine.core.api.ConnectorException;
import io.oort.engine.core.internal.connector.ContextImpl;

/**
 * The sink pipeline with a fake connector and timers the test fires by hand: cache order and recovery, the resend
 * queue, batching, compression, and eKuiper's transform semantics.
 */
class SinkRuntimeTest {

    @TempDir
    Path tmp;

    private final FakeSink fake = new FakeSink();
    private final ManualTimers timers = new ManualTimers();
    /** The engine's clock as the sink sees it: moved by the tests only. */
    private long now = 1_700_000_000_000L;
    private final List<String> errors = new ArrayList<>();
    private int sent;

    /** Timers fired by the test, standing in for the rule's mailbox. */
    static final class ManualTimers implements SinkRuntime.Timers {
        private final List<Runnable> once = new ArrayList<>();
        private final List<Runnable> periodic = new ArrayList<>();
        final List<Long> delays = new ArrayList<>();

        @Override
        public SinkRuntime.Cancellable once(long delayMillis, Runnable task) {
            once.add(task);
            delays.add(delayMillis);
            return () -> once.remove(task);
        }

        @Override
        public SinkRuntime.Cancellable every(long periodMillis, Runnable task) {
            periodic.add(task);
            return () -> periodic.remove(task);
        }

        int pending() {
            return once.size();
        }

        /** Fires the one-shot timers that are due now (not those they arm). */
        void fireOnce() {
            List<Runnable> due = new ArrayList<>(once);
            once.clear();
            due.forEach(Runnable::run);
        }

        /** Fires one-shot timers until none is left (bounded). */
        void fireAll() {
            for (int i = 0; i < 10_000 && !once.isEmpty(); i++) {
                fireOnce();
            }
        }

        void firePeriodic() {
            new ArrayList<>(periodic).forEach(Runnable::run);
        }
    }

    private SinkRuntime open(Map<String, Object> props) throws ConnectorException {
        return open(props, tmp.resolve("cache"), Payload.BYTES);
    }

    private SinkRuntime open(Map<String, Object> props, Path dir, Payload payload) throws ConnectorException {
        SinkRuntime s = create(props, dir, payload);
        s.open((st, msg) -> { });
        return s;
    }

    private SinkRuntime create(Map<String, Object> props, Path dir, Payload payload) throws ConnectorException {
        return new SinkRuntime(fake.entry(payload), ContextImpl.of("r1", "sink_fake_0", () -> now),
                new LinkedHashMap<>(props), Map.of(), dir, timers, new SinkRuntime.Listener() {
                    @Override
                    public void sent(int messages) {
                        sent += messages;
                    }

                    @Override
                    public void failed(String message) {
                        errors.add(message);
                    }
                });
    }

    private static List<Map<String, Object>> seq(int i) {
        return List.of(Map.of("seq", i));
    }

    private static List<String> seqPayloads(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add("[{\"seq\":" + i + "}]");
        }
        return out;
    }

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    // ---------------------------------------------------------------- delivery and cache

    @Test
    void withoutACacheAFailedMessageIsCountedAndDropped() throws Exception {
        SinkRuntime s = open(Map.of());
        fake.mode = FakeSink.Mode.DOWN;
        s.accept(seq(1));
        fake.mode = FakeSink.Mode.DELIVER;
        s.accept(seq(2));
        assertEquals(List.of("[{\"seq\":2}]"), fake.payloads());
        assertEquals(List.of("fake target is unreachable"), errors);
        assertEquals(0, timers.pending(), "nothing to resend");
        assertEquals(0, s.bufferLength());
    }

    @Test
    void cachedMessagesAreResentInOrderBeforeNewOnes() throws Exception {
        SinkRuntime s = open(Map.of("enableCache", true));
        fake.mode = FakeSink.Mode.DOWN;
        for (int i = 1; i <= 5; i++) {
            s.accept(seq(i));
        }
        assertEquals(1, fake.attempts.size(), "while the cache is not empty new results queue behind it");
        assertEquals(5, s.bufferLength(), "cached messages count in the sink's buffer_length");
        assertEquals(1, errors.size(), "the failure is counted once, not on every retry");
        assertEquals(List.of(100L), timers.delays, "retried every 100 ms when resendInterval is 0");

        timers.fireOnce(); // still down
        assertEquals(2, fake.attempts.size());
        assertEquals(1, timers.pending(), "the retry is armed again");

        fake.mode = FakeSink.Mode.DELIVER;
        s.accept(seq(6)); // not sent ahead of the cache
        assertTrue(fake.delivered.isEmpty());
        timers.fireAll();
        assertEquals(seqPayloads(1, 6), fake.payloads());
        assertEquals(0, s.bufferLength());
        s.accept(seq(7));
        assertEquals(seqPayloads(1, 7), fake.payloads(), "an empty cache sends directly again");
        assertEquals(7, sent);
        s.close();
    }

    @Test
    void aRejectedMessageIsDroppedEvenWithTheCache() throws Exception {
        SinkRuntime s = open(Map.of("enableCache", true));
        fake.mode = FakeSink.Mode.REJECT;
        s.accept(seq(1));
        assertEquals(0, s.bufferLength());
        assertEquals(List.of("fake target rejected the message"), errors);
        assertEquals(0, timers.pending());
    }

    @Test
    void aCacheOverflowingToDiskSurvivesARestart() throws Exception {
        Map<String, Object> props = Map.of("enableCache", true, "memoryCacheThreshold", 4, "bufferPageSize", 2,
                "maxDiskCache", 100);
        Path dir = tmp.resolve("data/cache/r1/sink_fake_0");
        SinkRuntime s = open(props, dir, Payload.BYTES);
        fake.mode = FakeSink.Mode.DOWN;
        for (int i = 1; i <= 21; i++) {
            s.accept(seq(i));
        }
        assertEquals(21, s.bufferLength());
        try (var files = Files.list(dir)) {
            assertEquals(8, files.count(), "4 in memory, 8 pages of 2 on disk, 1 in the write page");
        }
        s.close();
        assertEquals(1, fake.closes);

        SinkRuntime again = open(props, dir, Payload.BYTES);
        assertEquals(21, again.bufferLength(), "restored from disk");
        assertEquals(1, timers.pending(), "a restored cache is resent without waiting for new data");
        fake.mode = FakeSink.Mode.DELIVER;
        again.accept(seq(22));
        timers.fireAll();
        assertEquals(seqPayloads(1, 22), fake.payloads(), "memory saved at stop comes first, then the disk pages");
        again.close();
        assertFalse(Files.exists(dir), "nothing left on disk");
    }

    @Test
    void cleanCacheAtStopDropsTheCache() throws Exception {
        Map<String, Object> props = Map.of("enableCache", true, "cleanCacheAtStop", true, "memoryCacheThreshold", 2,
                "bufferPageSize", 2);
        Path dir = tmp.resolve("c");
        SinkRuntime s = open(props, dir, Payload.BYTES);
        fake.mode = FakeSink.Mode.DOWN;
        for (int i = 1; i <= 9; i++) {
            s.accept(seq(i));
        }
        s.close();
        assertFalse(Files.exists(dir));
        fake.mode = FakeSink.Mode.DELIVER;
        SinkRuntime again = open(props, dir, Payload.BYTES);
        assertEquals(0, again.bufferLength());
        assertEquals(0, timers.pending());
    }

    @Test
    void resendIntervalPacesTheResentMessages() throws Exception {
        SinkRuntime s = open(Map.of("enableCache", true, "resendInterval", "50ms"));
        fake.mode = FakeSink.Mode.DOWN;
        for (int i = 1; i <= 3; i++) {
            s.accept(seq(i));
        }
        fake.mode = FakeSink.Mode.DELIVER;
        timers.fireOnce();
        assertEquals(1, fake.delivered.size(), "one message per resendInterval");
        timers.fireOnce();
        assertEquals(2, fake.delivered.size());
        timers.fireOnce();
        assertEquals(seqPayloads(1, 3), fake.payloads());
        assertEquals(List.of(50L, 50L, 50L), timers.delays);
        assertEquals(0, timers.pending());
    }

    @Test
    void aLongCacheIsResentInTurnsThatLetTheRuleWork() throws Exception {
        SinkRuntime s = open(Map.of("enableCache", true, "memoryCacheThreshold", 1024));
        fake.mode = FakeSink.Mode.DOWN;
        int n = SinkRuntime.RESEND_CHAIN + 10;
        for (int i = 1; i <= n; i++) {
            s.accept(seq(i));
        }
        fake.mode = FakeSink.Mode.DELIVER;
        timers.fireOnce();
        assertEquals(SinkRuntime.RESEND_CHAIN, fake.delivered.size());
        assertEquals(1, timers.pending(), "the rest continues in the next turn");
        s.accept(seq(n + 1));
        timers.fireAll();
        assertEquals(seqPayloads(1, n + 1), fake.payloads());
    }

    @Test
    void resendIntervalWithoutTheCacheRetriesFromAMemoryBuffer() throws Exception {
        SinkRuntime s = open(Map.of("resendInterval", "10ms", "bufferLength", 2));
        fake.mode = FakeSink.Mode.DOWN;
        for (int i = 1; i <= 3; i++) {
            s.accept(seq(i));
        }
        assertEquals(2, s.bufferLength());
        fake.mode = FakeSink.Mode.DELIVER;
        timers.fireAll();
        assertEquals(seqPayloads(2, 3), fake.payloads(), "the buffer of bufferLength dropped its oldest");
        assertFalse(Files.exists(tmp.resolve("cache")), "no disk without enableCache");
    }

    // ---------------------------------------------------------------- resend queue

    private SinkRuntime alterQueue(int priority) throws ConnectorException {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("enableCache", true);
        props.put("resendAlterQueue", true);
        props.put("resendPriority", priority);
        props.put("resendIndicatorField", "resent");
        props.put("resendDestination", "resend/{{.seq}}");
        props.put("resendInterval", "1ms");
        props.put("topic", "live/{{.seq}}");
        props.put("sendSingle", true);
        SinkRuntime s = open(props);
        fake.mode = FakeSink.Mode.DOWN;
        s.accept(seq(1));
        s.accept(seq(2));
        assertEquals(2, fake.attempts.size(), "with a resend queue new data is still tried directly");
        assertEquals(2, s.bufferLength());
        fake.mode = FakeSink.Mode.DELIVER;
        return s;
    }

    private static FakeSink.Got got(String payload, String topic) {
        return new FakeSink.Got(payload, List.of(), topic);
    }

    private List<FakeSink.Got> delivered() {
        return fake.delivered.stream().map(g -> got(g.payload(), g.topic())).toList();
    }

    @Test
    void theResendQueueMarksResentDataAndSendsItToTheResendDestination() throws Exception {
        SinkRuntime s = alterQueue(0);
        s.accept(seq(3)); // priority 0: the new message, then one cached
        assertEquals(List.of(got("{\"seq\":3}", "live/3"), got("{\"resent\":true,\"seq\":1}", "resend/1")),
                delivered());
        timers.fireAll();
        assertEquals(got("{\"resent\":true,\"seq\":2}", "resend/2"), delivered().get(2));
        assertEquals(0, s.bufferLength());
    }

    @Test
    void resendPriorityOneSendsTheCacheFirst() throws Exception {
        SinkRuntime s = alterQueue(1);
        now += 1; // the 1 ms retry interval of the last failure has passed
        s.accept(seq(3));
        assertEquals(List.of(got("{\"resent\":true,\"seq\":1}", "resend/1"),
                got("{\"resent\":true,\"seq\":2}", "resend/2"), got("{\"seq\":3}", "live/3")), delivered());
    }

    @Test
    void resendPriorityMinusOneSendsNewDataFirst() throws Exception {
        SinkRuntime s = alterQueue(-1);
        s.accept(seq(3));
        s.accept(seq(4));
        assertEquals(List.of(got("{\"seq\":3}", "live/3"), got("{\"seq\":4}", "live/4")), delivered());
        timers.fireAll();
        assertEquals(4, delivered().size());
        assertEquals("resend/1", delivered().get(2).topic());
    }

    // ---------------------------------------------------------------- batching

    @Test
    void batchSizeSendsSeveralResultsAsOneMessage() throws Exception {
        SinkRuntime s = open(Map.of("batchSize", 3, "sendSingle", true));
        for (int i = 1; i <= 7; i++) {
            s.accept(seq(i));
        }
        assertEquals(List.of("[{\"seq\":1},{\"seq\":2},{\"seq\":3}]", "[{\"seq\":4},{\"seq\":5},{\"seq\":6}]"),
                fake.payloads());
        assertEquals(1, s.bufferLength(), "an open batch counts in the buffer");
        s.close();
        assertEquals("[{\"seq\":7}]", fake.payloads().get(2), "a stop flushes the open batch");
    }

    @Test
    void lingerIntervalFlushesThroughTheRuleTimer() throws Exception {
        SinkRuntime s = open(Map.of("lingerInterval", 100));
        s.accept(seq(1));
        s.accept(seq(2));
        assertTrue(fake.delivered.isEmpty());
        timers.firePeriodic();
        assertEquals(List.of("[[{\"seq\":1}],[{\"seq\":2}]]"), fake.payloads(),
                "without sendSingle each batched result is an array, as eKuiper's JSON batch writer writes it");
        timers.firePeriodic();
        assertEquals(1, fake.delivered.size(), "an empty batch sends nothing");
    }

    @Test
    void batchSizeAndLingerTogether() throws Exception {
        SinkRuntime s = open(Map.of("batchSize", 2, "lingerInterval", "1s", "sendSingle", true));
        s.accept(seq(1));
        s.accept(seq(2));
        s.accept(seq(3));
        timers.firePeriodic();
        assertEquals(List.of("[{\"seq\":1},{\"seq\":2}]", "[{\"seq\":3}]"), fake.payloads());
    }

    @Test
    void aDelimitedBatchHasAHeaderAndOneLinePerResult() throws Exception {
        SinkRuntime s = open(Map.of("batchSize", 2, "sendSingle", true, "format", "delimited"));
        s.accept(List.of(row("b", 2, "a", 1)));
        s.accept(List.of(row("b", 4, "a", 3)));
        assertEquals(List.of("a,b\n1,2\n3,4"), fake.payloads());
    }

    @Test
    void aBatchGoesThroughTheCacheAsOneMessage() throws Exception {
        SinkRuntime s = open(Map.of("batchSize", 2, "sendSingle", true, "enableCache", true));
        fake.mode = FakeSink.Mode.DOWN;
        for (int i = 1; i <= 4; i++) {
            s.accept(seq(i));
        }
        assertEquals(2, s.bufferLength());
        fake.mode = FakeSink.Mode.DELIVER;
        timers.fireAll();
        assertEquals(List.of("[{\"seq\":1},{\"seq\":2}]", "[{\"seq\":3},{\"seq\":4}]"), fake.payloads());
    }

    // ---------------------------------------------------------------- compression

    @Test
    void compressionAppliesToTheEncodedPayload() throws Exception {
        SinkRuntime s = open(Map.of("compression", "gzip"));
        s.accept(seq(1));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(fake.rawPayloads.get(0)))) {
            assertEquals("[{\"seq\":1}]", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        s.close();
        for (String method : List.of("zlib", "flate")) {
            fake.rawPayloads.clear();
            SinkRuntime z = open(Map.of("compression", method));
            z.accept(seq(2));
            Inflater inf = new Inflater("flate".equals(method));
            inf.setInput(fake.rawPayloads.get(0));
            byte[] out = new byte[100];
            int n = inf.inflate(out);
            assertEquals("[{\"seq\":2}]", new String(out, 0, n, StandardCharsets.UTF_8), method);
            z.close();
        }
    }

    @Test
    void zstdAndUnknownCompressionsAreRejected() {
        ConnectorException zstd = assertThrows(ConnectorException.class,
                () -> create(Map.of("compression", "zstd"), null, Payload.BYTES));
        assertTrue(zstd.getMessage().contains("unsupported compressor: zstd"), zstd.getMessage());
        ConnectorException other = assertThrows(ConnectorException.class,
                () -> create(Map.of("compression", "lz4"), null, Payload.BYTES));
        assertEquals("get compressor lz4 fail with error: unsupported compressor: lz4", other.getMessage());
    }

    // ---------------------------------------------------------------- validation

    @Test
    void cachePropertiesAreValidatedAsEkuiperDoes() {
        ConnectorException e = assertThrows(ConnectorException.class,
                () -> create(Map.of("memoryCacheThreshold", 1000), null, Payload.BYTES));
        assertEquals("fail to parse sink configuration: invalid cache properties: memoryCacheThresholdNotMultiple:"
                + "memoryCacheThreshold must be a multiple of bufferPageSize", e.getMessage());
        e = assertThrows(ConnectorException.class,
                () -> create(Map.of("bufferPageSize", 300, "resendPriority", 2), null, Payload.BYTES));
        assertEquals("fail to parse sink configuration: invalid cache properties: memoryCacheThresholdNotMultiple:"
                + "memoryCacheThreshold must be a multiple of bufferPageSize\nmaxDiskCacheNotMultiple:maxDiskCache "
                + "must be a multiple of bufferPageSize\nresendPriority:resendPriority must be -1, 0 or 1",
                e.getMessage());
        e = assertThrows(ConnectorException.class,
                () -> create(Map.of("fields", List.of("a"), "excludeFields", List.of("b")), null, Payload.BYTES));
        assertEquals("fail to parse sink configuration: field and excludeFields cannot both be set", e.getMessage());
        e = assertThrows(ConnectorException.class, () -> create(Map.of("batchSize", -1), null, Payload.BYTES));
        assertEquals("fail to parse sink configuration: invalid batchSize -1", e.getMessage());
    }

    // ---------------------------------------------------------------- transform

    @Test
    void fieldsKeepEveryListedFieldEvenMissingOnes() throws Exception {
        SinkRuntime s = open(Map.of("fields", List.of("a", "c"), "sendSingle", true));
        s.accept(List.of(row("a", 1, "b", 2)));
        assertEquals(List.of("{\"a\":1,\"c\":null}"), fake.payloads());
    }

    @Test
    void excludeFieldsDropsFieldsWithoutTouchingTheResult() throws Exception {
        Map<String, Object> r = row("a", 1, "b", 2);
        SinkRuntime s = open(Map.of("excludeFields", "b"));
        s.accept(List.of(r));
        assertEquals(List.of("[{\"a\":1}]"), fake.payloads());
        assertEquals(2, r.size(), "the result row shared with other actions is not modified");
    }

    @Test
    void dataFieldOnAListTakesTheFirstRow() throws Exception {
        SinkRuntime s = open(Map.of("dataField", "data"));
        s.accept(List.of(row("data", row("x", 1)), row("data", row("x", 2))));
        assertEquals(List.of("{\"x\":1}"), fake.payloads());
    }

    @Test
    void dataFieldAndFieldsSelectFromNestedData() throws Exception {
        SinkRuntime s = open(Map.of("dataField", "data", "fields", List.of("a", "b"), "sendSingle", true));
        s.accept(List.of(row("data", List.of(row("a", 5, "b", 6, "c", 7))), row("a", 1)));
        assertEquals(List.of("[{\"a\":5,\"b\":6}]"), fake.payloads());
        assertEquals(List.of("fail to TransItem data map[a:1] for error fail to decode data <nil> for error "
                + "unsupported type <nil>"), errors);
    }

    @Test
    void aDataFieldThatIsNotAnObjectIsAnError() throws Exception {
        SinkRuntime s = open(Map.of("dataField", "v", "sendSingle", true));
        s.accept(List.of(row("v", 5), row("w", 1), row("v", List.of(1, 2))));
        assertTrue(fake.delivered.isEmpty());
        assertEquals(List.of("invalid transform result type 5", "receive unsupported data <nil>",
                "fail to TransItem data map[v:[1 2]] for error unsupported type [1 2]"), errors);
    }

    @Test
    void aTemplateOutputIsSentAsIsForTextFormats() throws Exception {
        SinkRuntime s = open(Map.of("dataTemplate", "temp={{.t}} not json", "sendSingle", true));
        s.accept(List.of(row("t", 21.5)));
        assertEquals(List.of("temp=21.5 not json"), fake.payloads());
    }

    @Test
    void aTemplateThenFieldsReadsTheTemplateOutputAsJson() throws Exception {
        SinkRuntime s = open(Map.of("dataTemplate", "{\"ab\":{{.a}},\"bb\":{{.b}}}", "fields", List.of("ab"),
                "sendSingle", true));
        s.accept(List.of(row("a", 1, "b", 2), row("data", 1)));
        assertEquals(List.of("{\"ab\":1}"), fake.payloads());
        assertEquals(List.of("fail to TransItem data map[data:1] for error fail to decode data "
                + "{\"ab\":<no value>,\"bb\":<no value>} for error invalid character '<' looking for beginning of "
                + "value"), errors);
    }

    @Test
    void aTemplateOverTheWholeResultSeesTheRowList() throws Exception {
        SinkRuntime s = open(Map.of("dataTemplate", "{{len .}} rows, first {{index . 0 \"a\"}}"));
        s.accept(List.of(row("a", 1), row("a", 2)));
        assertEquals(List.of("2 rows, first 1"), fake.payloads());
    }

    @Test
    void omitIfEmptySkipsEmptyResultsAndRows() throws Exception {
        SinkRuntime s = open(Map.of("omitIfEmpty", true));
        s.accept(List.of());
        assertTrue(fake.delivered.isEmpty());
        SinkRuntime single = open(Map.of("omitIfEmpty", true, "sendSingle", true));
        single.accept(List.of(Map.of(), row("a", 1)));
        assertEquals(List.of("{\"a\":1}"), fake.payloads());
        SinkRuntime keep = open(Map.of());
        keep.accept(List.of());
        assertEquals("[]", fake.payloads().get(1), "without omitIfEmpty an empty result is sent");
    }

    @Test
    void templatedPropertiesAreEvaluatedPerMessage() throws Exception {
        SinkRuntime s = open(Map.of("topic", "devices/{{.id}}", "sendSingle", true));
        s.accept(List.of(row("id", "a"), row("id", 7)));
        assertEquals(List.of("devices/a", "devices/7"), fake.delivered.stream().map(FakeSink.Got::topic).toList());
        SinkRuntime bad = open(Map.of("topic", "t/{{index . 3}}"));
        bad.accept(List.of(row("id", 1)));
        assertEquals(2, fake.delivered.size(), "a property that cannot be evaluated drops the message");
        assertTrue(errors.get(0).startsWith("fail to calculate props t/{{index . 3}} through data [map[id:1]]"),
                errors.get(0));
    }

    @Test
    void rowSinksGetRowsAndTemplateOutputDecoded() throws Exception {
        SinkRuntime s = open(Map.of("sendSingle", true), null, Payload.TUPLES);
        s.accept(List.of(row("a", 1)));
        SinkRuntime t = open(Map.of("dataTemplate", "{\"x\":{{.a}}}", "sendSingle", true), null, Payload.TUPLES);
        t.accept(List.of(row("a", 2)));
        assertEquals(List.of(List.of(row("a", 1)), List.of(row("x", 2.0))),
                fake.delivered.stream().map(FakeSink.Got::rows).toList());
    }

    @Test
    void rowSinksKeepTheirRowsThroughTheDiskCache() throws Exception {
        Path dir = tmp.resolve("rows");
        Map<String, Object> props = Map.of("enableCache", true, "memoryCacheThreshold", 1, "bufferPageSize", 1,
                "sendSingle", true);
        SinkRuntime s = open(props, dir, Payload.TUPLES);
        fake.mode = FakeSink.Mode.DOWN;
        s.accept(List.of(row("a", 1L, "d", 2.5, "b", new byte[] {9})));
        s.accept(List.of(row("a", 2L)));
        s.close();
        fake.mode = FakeSink.Mode.DELIVER;
        SinkRuntime again = open(props, dir, Payload.TUPLES);
        timers.fireAll();
        List<List<Map<String, Object>>> rows = fake.delivered.stream().map(FakeSink.Got::rows).toList();
        assertEquals(2, rows.size());
        assertEquals(1L, rows.get(0).get(0).get("a"));
        assertEquals(2.5, rows.get(0).get(0).get("d"));
        assertEquals(9, ((byte[]) rows.get(0).get(0).get("b"))[0]);
        assertEquals(List.of(row("a", 2L)), rows.get(1));
        again.close();
    }

    @Test
    void cacheDirectoriesAreOneSafeSegmentPerName() throws IOException {
        Path d = SinkCaches.dir(tmp, "rule/../x y", "sink_mqtt_0");
        assertEquals(tmp.resolve("cache").resolve("rule%2F%2E%2E%2Fx%20y").resolve("sink_mqtt_0"), d);
        assertEquals(null, SinkCaches.dir(null, "r", "s"));
    }

    @Test
    void deletingARuleDropsItsCaches() throws Exception {
        Path data = tmp.resolve("data");
        Map<String, Object> props = Map.of("enableCache", true, "memoryCacheThreshold", 2, "bufferPageSize", 2);
        SinkRuntime s = open(props, SinkCaches.dir(data, "r1", "sink_fake_0"), Payload.BYTES);
        SinkRuntime other = open(props, SinkCaches.dir(data, "r2", "sink_fake_0"), Payload.BYTES);
        fake.mode = FakeSink.Mode.DOWN;
        for (int i = 1; i <= 5; i++) {
            s.accept(seq(i));
            other.accept(seq(i));
        }
        s.close();
        other.close();
        SinkCaches.dropRule(data, "r1");
        assertFalse(Files.exists(data.resolve("cache/r1")));
        assertTrue(Files.isDirectory(SinkCaches.dir(data, "r2", "sink_fake_0")), "other rules keep theirs");
        SinkCaches.dropRule(data, "never-existed");
        SinkCaches.dropRule(null, "r2");
    }
}
