package io.oort.connector.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.oort.engine.core.api.SinkMessage;

/** A sink message whose per-message properties are given directly (as the engine renders templates). */
public record TestSinkMessage(byte[] payload, Map<String, String> properties) implements SinkMessage {

    public static TestSinkMessage of(String text) {
        return new TestSinkMessage(text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static TestSinkMessage of(String text, String topic) {
        return new TestSinkMessage(text.getBytes(StandardCharsets.UTF_8), Map.of("topic", topic));
    }

    @Override
    public List<Map<String, Object>> rows() {
        return List.of();
    }

    @Override
    public String property(String name) {
        return properties.get(name);
    }

    @Override
    public Map<String, Object> meta() {
        return Map.of();
    }
}
