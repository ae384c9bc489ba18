package io.oort.example.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.oort.engine.core.api.ConnectorConfig;
import io.oort.engine.core.api.ConnectorException;

class RandomSourceTest {

    /** The engine converts and defaults properties before provision; this stands in for it. */
    private static ConnectorConfig config(Map<String, Object> props) {
        return new ConnectorConfig() {
            public String datasource() {
                return "demo";
            }

            public Map<String, Object> asMap() {
                return props;
            }

            public Object get(String name) {
                return props.get(name);
            }

            public String getString(String name) {
                return props.get(name) == null ? null : String.valueOf(props.get(name));
            }

            public long getLong(String name) {
                return props.get(name) instanceof Number n ? n.longValue() : 0;
            }

            public double getDouble(String name) {
                return props.get(name) instanceof Number n ? n.doubleValue() : 0;
            }

            public boolean getBoolean(String name) {
                return Boolean.TRUE.equals(props.get(name));
            }

            public Duration getDuration(String name) {
                return Duration.ZERO;
            }

            public List<String> getStringList(String name) {
                return List.of();
            }

            @SuppressWarnings("unchecked")
            public Map<String, Object> getMap(String name) {
                return props.get(name) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            }

            public boolean has(String name) {
                return props.containsKey(name);
            }
        };
    }

    @Test
    void integerFieldsGetAnOffsetBelowSeed() throws ConnectorException {
        RandomSource s = new RandomSource();
        s.provision(null, config(Map.of("seed", 10L, "pattern", Map.of("count", 50L, "name", "x"), "deduplicate", 0L)));
        for (int i = 0; i < 200; i++) {
            Map<String, Object> row = s.next();
            long count = (Long) row.get("count");
            assertTrue(count >= 50 && count < 60, "count " + count);
            assertFalse(row.containsKey("name"), "non-integer pattern values are skipped");
        }
    }

    @Test
    void deduplicateSkipsRowsSeenInTheWindow() throws ConnectorException {
        RandomSource s = new RandomSource();
        s.provision(null, config(Map.of("seed", 2L, "pattern", Map.of("v", 0L), "deduplicate", 1L)));
        assertFalse(s.isDuplicate(Map.of("v", 0L)));
        assertTrue(s.isDuplicate(Map.of("v", 0L)));
        assertFalse(s.isDuplicate(Map.of("v", 1L)));
        assertFalse(s.isDuplicate(Map.of("v", 0L)), "the window of 1 forgot v=0");
        List<Boolean> forever = new ArrayList<>();
        RandomSource all = new RandomSource();
        all.provision(null, config(Map.of("seed", 2L, "pattern", Map.of("v", 0L), "deduplicate", -1L)));
        for (long v : new long[] {0, 1, 0, 1}) {
            forever.add(all.isDuplicate(Map.of("v", v)));
        }
        assertEquals(List.of(false, false, true, true), forever);
    }

    @Test
    void seedMustBePositive() {
        RandomSource s = new RandomSource();
        ConnectorException e = assertThrows(ConnectorException.class,
                () -> s.provision(null, config(Map.of("seed", 0L, "pattern", Map.of("v", 1L)))));
        assertEquals("source `random` property `seed` must be a positive integer but got 0", e.getMessage());
    }
}
