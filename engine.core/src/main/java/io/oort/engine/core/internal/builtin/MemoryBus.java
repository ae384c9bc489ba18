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

    private record Subscription(String[] filter, Consumer<Map<String, Object>> consumer,
            java.util.function.BiConsumer<Map<String, Object>, String> changes) {
    }

    /** Row kinds a memory sink with {@code rowkindField} publishes (eKuiper's updatable sinks). */
    public static final String INSERT = "insert";
    public static final String UPDATE = "update";
    public static final String UPSERT = "upsert";
    public static final String DELETE = "delete";

    private final List<Subscription> subs = new CopyOnWriteArrayList<>();

    public AutoCloseable subscribe(String filter, Consumer<Map<String, Object>> consumer) {
        Subscription s = new Subscription(filter.split("/", -1), consumer, null);
        subs.add(s);
        return () -> subs.remove(s);
    }

    /** Subscribes to rows with their row kind (memory lookup tables): deletes are delivered too. */
    public AutoCloseable subscribeChanges(String filter, java.util.function.BiConsumer<Map<String, Object>, String> c) {
        Subscription s = new Subscription(filter.split("/", -1), null, c);
        subs.add(s);
        return () -> subs.remove(s);
    }

    public void publish(String topic, Map<String, Object> row) {
        publish(topic, row, UPSERT);
    }

    /** Publishes a row of a kind; plain subscribers (streams) see every kind but delete. */
    public void publish(String topic, Map<String, Object> row, String rowkind) {
        String[] t = topic.split("/", -1);
        for (Subscription s : subs) {
            if (matches(s.filter, t)) {
                if (s.changes != null) {
                    s.changes.accept(row, rowkind);
                } else if (!DELETE.equals(rowkind)) {
                    s.consumer.accept(row);
                }
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
