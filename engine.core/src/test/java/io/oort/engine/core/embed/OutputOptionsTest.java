package io.oort.engine.core.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.oort.engine.core.internal.config.EngineConfig;
import io.oort.engine.core.internal.registry.ConnectorRegistry;
import io.oort.engine.core.internal.rule.RuleDef;
import io.oort.engine.core.internal.service.EngineService;
import io.oort.engine.core.internal.service.ServiceException;

/** The rule options that shape result rows: sendNilField keeps nulls, sendMetaToSink adds the event's metadata. */
class OutputOptionsTest {

    private static List<Map<String, Object>> run(String sql, Map<String, Object> options, String json,
            Map<String, Object> meta) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Oort oort = Oort.create()) {
            oort.execute("CREATE STREAM s (a BIGINT, b STRING) WITH (DATASOURCE=\"s\")");
            RuleHandle r = oort.rule("r", sql, options, new ResultListener() {
                @Override
                public void onResult(List<Map<String, Object>> rows) {
                    rows.forEach(row -> out.add(new LinkedHashMap<>(row)));
                }

                @Override
                public void onError(String message) {
                    throw new AssertionError(message);
                }
            });
            r.pushJson("s", json, 0, meta);
        }
        return out;
    }

    @Test
    void sendNilFieldKeepsNullValues() throws Exception {
        assertEquals(List.of(Map.of("a", 1L)), run("SELECT a, b FROM s", Map.of(), "{\"a\":1}", Map.of()));
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("a", 1L);
        withNull.put("b", null);
        assertEquals(List.of(withNull), run("SELECT a, b FROM s", Map.of("sendNilField", true), "{\"a\":1}",
                Map.of()));
        assertEquals(List.of(withNull), run("SELECT * FROM s", Map.of("sendNilField", true), "{\"a\":1}", Map.of()));
    }

    @Test
    void sendMetaToSinkAddsTheEventMetadata() throws Exception {
        Map<String, Object> meta = Map.of("topic", "devices/1", "qos", 1L);
        List<Map<String, Object>> rows = run("SELECT a FROM s", Map.of("sendMetaToSink", true), "{\"a\":2}", meta);
        assertEquals(List.of(Map.of("a", 2L, "__meta", meta)), rows);
        assertEquals(List.of(Map.of("a", 2L)), run("SELECT a FROM s", Map.of(), "{\"a\":2}", meta));
    }

    @Test
    void sendMetaToSinkIsRefusedForWindows() throws Exception {
        EngineService e = new EngineService(new ConnectorRegistry(), EngineConfig.defaults(), null);
        try {
            e.catalog().create("CREATE STREAM s (a BIGINT) WITH (TYPE=\"memory\", DATASOURCE=\"in\")");
            ServiceException ex = assertThrows(ServiceException.class, () -> e.rules().create(RuleDef.parse(
                    "{\"id\":\"w\",\"sql\":\"SELECT count(*) FROM s GROUP BY TUMBLINGWINDOW(ss, 1)\","
                            + "\"actions\":[{\"nop\":{}}],\"options\":{\"sendMetaToSink\":true}}", null)));
            assertTrue(ex.getMessage().contains("Invalid option sendMetaToSink, it can not be applied to window"),
                    ex.getMessage());
        } finally {
            e.close();
        }
    }
}
