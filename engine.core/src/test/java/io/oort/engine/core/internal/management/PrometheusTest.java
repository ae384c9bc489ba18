package io.oort.engine.core.internal.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The Prometheus text exposition of rule metrics. */
class PrometheusTest {

    @Test
    void familiesLabelsAndValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "running");
        m.put("source_demo_0_records_in_total", 5L);
        m.put("source_demo_0_connection_status", 1);
        m.put("source_demo_0_last_exception", "boom");
        m.put("op_1_project_0_process_latency_us", 12L);
        m.put("sink_mqtt_0_0_records_out_total", 3L);
        m.put("sink_mqtt_0_0_buffer_length", 0);
        String text = Prometheus.format(List.of(new Prometheus.RuleSample("r\"1", 1, m),
                new Prometheus.RuleSample("r2", -1, Map.of("status", "stopped"))));
        assertTrue(text.contains("# HELP kuiper_source_records_in_total "), text);
        assertTrue(text.contains("# TYPE kuiper_source_records_in_total counter\n"
                + "kuiper_source_records_in_total{rule=\"r\\\"1\",type=\"source\",op=\"demo\",op_instance=\"0\"} 5\n"),
                text);
        assertTrue(text.contains("# TYPE kuiper_source_connection_status gauge\n"), text);
        assertTrue(text.contains("kuiper_op_process_latency_us{rule=\"r\\\"1\",type=\"op\",op=\"1_project\","
                + "op_instance=\"0\"} 12\n"), text);
        assertTrue(text.contains("kuiper_sink_records_out_total{rule=\"r\\\"1\",type=\"sink\",op=\"mqtt_0\","
                + "op_instance=\"0\"} 3\n"), text);
        assertTrue(text.contains("kuiper_rule_status{rule=\"r2\"} -1\n"), text);
        assertTrue(text.contains("kuiper_rule_count{status=\"running\"} 1\nkuiper_rule_count{status=\"stop\"} 1\n"),
                text);
        assertTrue(text.contains("oort_source_records_in_total{rule=\"r\\\"1\""), "oort_ aliases: " + text);
        assertFalse(text.contains("last_exception"), "text metrics are not exported");
        assertFalse(text.contains("kuiper_op_connection_status"), text);
        for (String line : text.split("\n")) {
            assertTrue(line.startsWith("#") || line.matches("[a-z_]+\\{.*\\} -?[0-9]+"), line);
        }
    }

    @Test
    void labelEscaping() {
        assertEquals("a\\\\b\\\"c\\nd", Prometheus.escape("a\\b\"c\nd"));
    }
}
