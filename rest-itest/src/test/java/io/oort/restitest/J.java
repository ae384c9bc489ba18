package io.oort.restitest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Small JSON builders, so test bodies are not escaped by hand. */
final class J {

    private J() {
    }

    /** {@code obj("a", 1, "b", "x")} → {"a":1,"b":"x"}. */
    static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static String str(Object value) {
        try {
            return OortProcess.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** {"sql": sql}. */
    static String sql(String sql) {
        return str(obj("sql", sql));
    }

    /** A rule reading with {@code sql} and writing to MQTT {@code topic} on the test broker. */
    static String mqttRule(String id, String sql, String topic) {
        return str(obj("id", id, "sql", sql, "actions", List.of(obj("mqtt", obj("server", Mqtt.URL, "topic", topic)))));
    }
}
