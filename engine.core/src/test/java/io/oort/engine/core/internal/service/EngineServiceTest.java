package io.oort.engine.core.internal.service;

import static io.oort.engine.core.internal.service.TestEngines.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.oort.engine.core.api.Connector;
import io.oort.engine.core.api.ConnectionStatus;
import io.oort.engine.core.api.ConnectorConfig;
import io.oort.engine.core.api.ConnectorContext;
import io.oort.engine.core.api.ConnectorDescriptor;
import io.oort.engine.core.api.ConnectorKind;
import io.oort.engine.core.api.ConnectorProvider;
import io.oort.engine.core.api.PushSource;
import io.oort.engine.core.api.SourceIngest;
import io.oort.engine.core.api.StatusListener;
import io.oort.engine.core.internal.config.EngineConfig;
import io.oort.engine.core.internal.registry.ConnectorRegistry;
import io.oort.engine.core.internal.rule.RuleDef;

/**
 * The managed engine without OSGi: rules over memory topics, lookup tables, a connector that comes and goes,
 * and a restart with the store on disk.
 */
class EngineServiceTest {

    @TempDir
    Path home;
    private final List<EngineService> engines = new ArrayList<>();

    @AfterEach
    void close() {
        engines.forEach(EngineService::close);
    }

    private EngineService engine(ConnectorRegistry registry) throws Exception {
        Files.createDirectories(home.resolve("etc"));
        EngineService e = new EngineService(registry, EngineConfig.defaults(), home);
        engines.add(e);
        return e;
    }

    private static List<Map<String, Object>> collect(EngineService e, String topic) {
        List<Map<String, Object>> out = Collections.synchronizedList(new ArrayList<>());
        e.memoryBus().subscribe(topic, out::add);
        return out;
    }

    private static void rule(EngineService e, String json) throws ServiceException {
        e.rules().create(RuleDef.parse(json, null));
    }

    @Test
    void memoryPipelineFiltersAndProjects() throws Exception {
        EngineService e = engine(new ConnectorRegistry());
        e.catalog().create("CREATE STREAM s (id BIGINT, t FLOAT) WITH (TYPE=\"memory\", DATASOURCE=\"in\")");
        rule(e, "{\"id\":\"r1\",\"sql\":\"SELECT id, t * 2 AS t2 FROM s WHERE t > 20\","
                + "\"actions\":[{\"memory\":{\"topic\":\"out\"}}]}");
        List<Map<String, Object>> out = collect(e, "out");
        waitFor("running", () -> status(e, "r1").equals("running"));
        e.memoryBus().publish("in", Map.of("id", 1, "t", 10.0));
        e.memoryBus().publish("in", Map.of("id", 2, "t", 25.5));
        waitFor("one result", () -> out.size() == 1);
        assertEquals(Map.of("id", 2L, "t2", 51.0), out.get(0));
        Map<String, Object> st = e.rules().status("r1");
        waitFor("metrics", () -> Long.valueOf(2).equals(statusOf(e, "r1").get("source_s_0_records_in_total")));
        assertEquals(1L, st.get("sink_memory_0_0_records_out_total"));
    }

    @Test
    void lookupTableJoinsEachEventWithTheLatestRowPerKey() throws Exception {
        EngineService e = engine(new ConnectorRegistry());
        e.catalog().create("CREATE STREAM updates () WITH (TYPE=\"memory\", DATASOURCE=\"upd\")");
        e.catalog().create("CREATE STREAM events () WITH (TYPE=\"memory\", DATASOURCE=\"ev\")");
        e.catalog().create("CREATE TABLE devices () WITH (TYPE=\"memory\", DATASOURCE=\"devtable\", KIND=\"lookup\", "
                + "KEY=\"id\")");
        // one rule maintains the table, another joins with it
        rule(e, "{\"id\":\"feed\",\"sql\":\"SELECT * FROM updates\",\"actions\":[{\"memory\":{\"topic\":\"devtable\","
                + "\"rowkindField\":\"action\",\"keyField\":\"id\"}}]}");
        rule(e, "{\"id\":\"join\",\"sql\":\"SELECT events.id AS id, v, devices.name AS name FROM events LEFT JOIN "
                + "devices ON events.id = devices.id\",\"actions\":[{\"memory\":{\"topic\":\"joined\"}}]}");
        List<Map<String, Object>> out = collect(e, "joined");
        List<Map<String, Object>> tableFeed = collect(e, "devtable");
        waitFor("running", () -> status(e, "join").equals("running") && status(e, "feed").equals("running"));
        e.memoryBus().publish("upd", Map.of("id", 1, "name", "pump"));
        e.memoryBus().publish("upd", Map.of("id", 2, "name", "fan"));
        e.memoryBus().publish("upd", Map.of("id", 2, "name", "fan", "action", "delete"));
        waitFor("table fed", () -> tableFeed.size() == 2); // deletes are not delivered to plain subscribers
        waitFor("feed rule idle", () -> Long.valueOf(3).equals(statusOf(e, "feed").get("sink_memory_0_0_records_out_total")));
        e.memoryBus().publish("ev", Map.of("id", 1, "v", 3));
        e.memoryBus().publish("ev", Map.of("id", 2, "v", 4));
        waitFor("two results", () -> out.size() == 2);
        assertEquals(Map.of("id", 1L, "v", 3L, "name", "pump"), out.get(0));
        assertEquals(Map.of("id", 2L, "v", 4L), out.get(1), "deleted key: LEFT JOIN keeps the row, no name");
    }

    @Test
    void aRuleWaitsForItsConnectorAndStartsWhenItAppears() throws Exception {
        ConnectorRegistry registry = new ConnectorRegistry();
        ConnectorProvider fake = provider("fakesrc");
        Map<String, Object> props = Map.of(ConnectorProvider.TYPE, "fakesrc", ConnectorProvider.KIND, "source");
        registry.addProvider(fake, props);
        EngineService e = engine(registry);
        e.catalog().create("CREATE STREAM f () WITH (TYPE=\"fakesrc\", DATASOURCE=\"x\")");
        rule(e, "{\"id\":\"rf\",\"sql\":\"SELECT * FROM f\",\"actions\":[{\"nop\":{}}]}");
        assertEquals("running", status(e, "rf"));
        registry.removeProvider(fake, props);
        assertEquals("stopped", status(e, "rf"));
        assertEquals("connector fakesrc is not installed", e.rules().status("rf").get("message"));
        registry.addProvider(fake, props);
        assertEquals("running", status(e, "rf"));
        // a stream on a type that is not installed is refused with the list of installed ones
        ServiceException ex = assertThrows(ServiceException.class,
                () -> e.catalog().create("CREATE STREAM g () WITH (TYPE=\"nosuch\", DATASOURCE=\"x\")"));
        assertTrue(ex.getMessage().contains("source type nosuch is not installed (installed: fakesrc, memory)"),
                ex.getMessage());
    }

    @Test
    void sharedStreamFeedsEveryRuleAndCountsItsRecords() throws Exception {
        EngineService e = engine(new ConnectorRegistry());
        e.catalog().create("CREATE STREAM sh () WITH (TYPE=\"memory\", DATASOURCE=\"shin\", SHARED=\"true\")");
        rule(e, "{\"id\":\"a\",\"sql\":\"SELECT * FROM sh\",\"actions\":[{\"memory\":{\"topic\":\"oa\"}}]}");
        rule(e, "{\"id\":\"b\",\"sql\":\"SELECT * FROM sh WHERE v > 1\",\"actions\":[{\"memory\":{\"topic\":\"ob\"}}]}");
        List<Map<String, Object>> a = collect(e, "oa");
        List<Map<String, Object>> b = collect(e, "ob");
        waitFor("running", () -> status(e, "a").equals("running") && status(e, "b").equals("running"));
        for (int i = 0; i < 3; i++) {
            e.memoryBus().publish("shin", Map.of("v", i));
        }
        waitFor("results", () -> a.size() == 3 && b.size() == 1);
        for (String id : List.of("a", "b")) {
            waitFor("metrics of " + id, () -> Long.valueOf(3).equals(statusOf(e, id).get("source_sh_0_records_in_total"))
                    && Long.valueOf(3).equals(statusOf(e, id).get("source_sh_0_records_out_total")));
        }
    }

    @Test
    void lateEventsAreDroppedAndCounted() throws Exception {
        EngineService e = engine(new ConnectorRegistry());
        e.catalog().create("CREATE STREAM ev (v BIGINT, ts BIGINT) WITH (TYPE=\"memory\", DATASOURCE=\"ev\", "
                + "TIMESTAMP=\"ts\")");
        rule(e, "{\"id\":\"late\",\"sql\":\"SELECT sum(v) AS s FROM ev GROUP BY TUMBLINGWINDOW(ss, 10)\","
                + "\"actions\":[{\"memory\":{\"topic\":\"sums\"}}],"
                + "\"options\":{\"isEventTime\":true,\"lateTolerance\":0}}");
        List<Map<String, Object>> out = collect(e, "sums");
        waitFor("running", () -> status(e, "late").equals("running"));
        e.memoryBus().publish("ev", Map.of("v", 1, "ts", 1_000L));
        e.memoryBus().publish("ev", Map.of("v", 2, "ts", 5_000L));
        e.memoryBus().publish("ev", Map.of("v", 100, "ts", 2_000L)); // behind the watermark (5 s): late
        e.memoryBus().publish("ev", Map.of("v", 4, "ts", 12_000L)); // closes [0, 10 s)
        waitFor("the first window", () -> out.size() == 1);
        assertEquals(Map.of("s", 3L), out.get(0));
        waitFor("late count", () -> Long.valueOf(1).equals(statusOf(e, "late").get("op_1_project_0_late_dropped_total")));
        assertEquals(0L, statusOf(e, "late").get("op_1_project_0_buffer_dropped_total"));
    }

    @Test
    void sinkActionsTakeTheirConnectionProfile() throws Exception {
        Files.createDirectories(home.resolve("etc/connections"));
        Files.writeString(home.resolve("etc/connections/connection.yaml"),
                "memory:\n  shared:\n    topic: viaprofile\n");
        EngineService e = engine(new ConnectorRegistry());
        e.catalog().create("CREATE STREAM s () WITH (TYPE=\"memory\", DATASOURCE=\"in\")");
        rule(e, "{\"id\":\"c\",\"sql\":\"SELECT * FROM s\",\"actions\":[{\"memory\":{\"topic\":\"ignored\","
                + "\"connectionSelector\":\"memory.shared\"}}]}");
        List<Map<String, Object>> out = collect(e, "viaprofile");
        waitFor("running", () -> status(e, "c").equals("running"));
        e.memoryBus().publish("in", Map.of("a", 1));
        waitFor("result through the profile's topic", () -> out.size() == 1);
        rule(e, "{\"id\":\"bad\",\"sql\":\"SELECT * FROM s\",\"actions\":[{\"memory\":{\"topic\":\"x\","
                + "\"connectionSelector\":\"memory.nosuch\"}}]}");
        assertEquals("stopped", status(e, "bad"));
        assertEquals("connection memory.nosuch is not defined", e.rules().status("bad").get("message"));
    }

    @Test
    void definitionsAndDesiredStateSurviveARestart() throws Exception {
        EngineService e = engine(new ConnectorRegistry());
        e.catalog().create("CREATE STREAM s () WITH (TYPE=\"memory\", DATASOURCE=\"in\")");
        rule(e, "{\"id\":\"keep\",\"sql\":\"SELECT * FROM s\",\"actions\":[{\"memory\":{\"topic\":\"o1\"}}]}");
        rule(e, "{\"id\":\"off\",\"sql\":\"SELECT * FROM s\",\"actions\":[{\"nop\":{}}],\"triggered\":false}");
        e.close();
        engines.clear();

        EngineService again = engine(new ConnectorRegistry());
        assertEquals(List.of("keep", "off"), again.rules().ids());
        assertEquals("running", status(again, "keep"));
        assertEquals("stopped", status(again, "off"));
        List<Map<String, Object>> out = collect(again, "o1");
        again.memoryBus().publish("in", Map.of("a", 1));
        waitFor("result after restart", () -> out.size() == 1);
    }

    private static String status(EngineService e, String id) {
        return String.valueOf(statusOf(e, id).get("status"));
    }

    private static Map<String, Object> statusOf(EngineService e, String id) {
        try {
            return e.rules().status(id);
        } catch (ServiceException ex) {
            throw new AssertionError(ex);
        }
    }

    private static ConnectorProvider provider(String type) {
        return new ConnectorProvider() {
            @Override
            public ConnectorDescriptor descriptor() {
                return new ConnectorDescriptor(type, ConnectorKind.SOURCE, ConnectorDescriptor.Payload.BYTES, "",
                        List.of());
            }

            @Override
            public Connector create() {
                return new PushSource() {
                    @Override
                    public void provision(ConnectorContext ctx, ConnectorConfig config) {
                    }

                    @Override
                    public void connect(ConnectorContext ctx, StatusListener status) {
                        status.onStatus(ConnectionStatus.CONNECTED, null);
                    }

                    @Override
                    public void subscribe(ConnectorContext ctx, SourceIngest ingest) {
                    }

                    @Override
                    public void close(ConnectorContext ctx) {
                    }
                };
            }
        };
    }
}
