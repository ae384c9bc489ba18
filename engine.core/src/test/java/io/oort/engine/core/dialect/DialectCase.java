package io.oort.engine.core.dialect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A dialect case in the conformance corpus's format (streams, sql, options, inputs with topic and payload,
 * expected messages, compare mode), run in-process through the embedding API instead of REST and MQTT.
 */
record DialectCase(String name, String category, String description, List<String> streams, String sql, Map<String, Object> options,
        List<Input> inputs, List<JsonNode> expected, String compare, Path file) {

    record Input(String topic, String payload, long delayMs) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @SuppressWarnings("unchecked")
    static DialectCase load(Path file) throws IOException {
        JsonNode n = JSON.readTree(file.toFile());
        List<String> streams = new ArrayList<>();
        n.get("streams").forEach(s -> streams.add(s.asText()));
        List<Input> inputs = new ArrayList<>();
        for (JsonNode i : n.get("inputs")) {
            inputs.add(new Input(i.get("topic").asText(), JSON.writeValueAsString(i.get("payload")),
                    i.has("delay_ms") ? i.get("delay_ms").asLong() : 0));
        }
        List<JsonNode> expected = new ArrayList<>();
        n.get("expected").forEach(expected::add);
        Map<String, Object> options = n.has("options") ? JSON.convertValue(n.get("options"), Map.class) : Map.of();
        return new DialectCase(n.get("name").asText(), n.path("category").asText(""), n.path("description").asText(""), streams, n.get("sql").asText(),
                options, inputs, expected, n.path("compare").asText("ordered"), file);
    }
}
