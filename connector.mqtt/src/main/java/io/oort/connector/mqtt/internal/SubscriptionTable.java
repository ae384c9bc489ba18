package io.oort.connector.mqtt.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which sources listen to which filters on one client. The broker holds one subscription per filter however many
 * sources share it; messages are routed here rather than by Paho, whose per-filter listeners allow only one
 * listener per filter. Mutations are synchronized by the owner; routing reads an immutable snapshot.
 */
final class SubscriptionTable {
    /** One broker-side subscription. */
    record Entry(String filter, int qos, List<MessageHandler> handlers) {
    }

    private record Route(String filter, MessageHandler handler) {
    }

    private final Map<String, Entry> byFilter = new LinkedHashMap<>();
    private volatile List<Route> routes = List.of();

    /** Adds {@code handler} to each filter; returns the filters the broker does not know yet. */
    List<String> add(List<String> filters, int qos, MessageHandler handler) {
        List<String> fresh = new ArrayList<>();
        for (String f : filters) {
            Entry e = byFilter.get(f);
            if (e == null) {
                // The first subscriber's QoS wins; eKuiper likewise subscribes each topic once per connection.
                e = new Entry(f, qos, new ArrayList<>());
                byFilter.put(f, e);
                fresh.add(f);
            }
            if (!e.handlers().contains(handler)) {
                e.handlers().add(handler);
            }
        }
        rebuild();
        return fresh;
    }

    /** Removes {@code handler} everywhere; returns the filters nobody listens to any more. */
    List<String> remove(MessageHandler handler) {
        List<String> orphaned = new ArrayList<>();
        byFilter.values().removeIf(e -> {
            if (e.handlers().remove(handler) && e.handlers().isEmpty()) {
                orphaned.add(e.filter());
                return true;
            }
            return false;
        });
        rebuild();
        return orphaned;
    }

    /** The subscriptions to restore after a reconnect, grouped by QoS. */
    Map<Integer, List<String>> filtersByQos() {
        Map<Integer, List<String>> out = new LinkedHashMap<>();
        for (Entry e : byFilter.values()) {
            out.computeIfAbsent(e.qos(), q -> new ArrayList<>()).add(e.filter());
        }
        return out;
    }

    int qosOf(String filter) {
        Entry e = byFilter.get(filter);
        return e == null ? 0 : e.qos();
    }

    List<MessageHandler> handlersOf(String filter) {
        Entry e = byFilter.get(filter);
        return e == null ? List.of() : List.copyOf(e.handlers());
    }

    /** The handlers for a message on {@code topic}, each once even when several of its filters match. */
    List<MessageHandler> route(String topic) {
        List<MessageHandler> out = new ArrayList<>(2);
        for (Route r : routes) {
            if (!containsIdentity(out, r.handler()) && TopicFilter.matches(r.filter(), topic)) {
                out.add(r.handler());
            }
        }
        return out;
    }

    private static boolean containsIdentity(List<MessageHandler> list, MessageHandler h) {
        for (MessageHandler x : list) {
            if (x == h) {
                return true;
            }
        }
        return false;
    }

    private void rebuild() {
        List<Route> r = new ArrayList<>();
        for (Entry e : byFilter.values()) {
            for (MessageHandler h : e.handlers()) {
                r.add(new Route(e.filter(), h));
            }
        }
        routes = List.copyOf(r);
    }
}
