package io.oort.engine.core.internal.builtin;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * In-process publish/subscribe for the memory connectors (rule pipelines): topics are '/'-separated, subscriptions
 * may use MQTT wildcards {@code +} and {@code #}. Delivery is synchronous on the publisher's thread.
 */
public final class MemoryBus {

    private record Subscription(String[] filter, Consumer<Map<String, Object>> consumer) {
    }

    private final List<Subscription> subs = new CopyOnWriteArrayList<>();

    public AutoCloseable subscribe(String filter, Consumer<Map<String, Object>> consumer) {
        Subscription s = new Subscription(filter.split("/", -1), consumer);
        subs.add(s);
        return () -> subs.remove(s);
    }

    public void publish(String topic, Map<String, Object> row) {
        String[] t = topic.split("/", -1);
        for (Subscription s : subs) {
            if (matches(s.filter, t)) {
                s.consumer.accept(row);
            }
        }
    }

    static boolean matches(String[] f, String[] t) {
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true;
            }
            if (i >= t.length || (!f[i].equals("+") && !f[i].equals(t[i]))) {
                return false;
            }
        }
        return f.length == t.length;
    }
}
