package io.oort.connector.mqtt.internal;

/** MQTT topic-filter rules (MQTT 3.1.1 §4.7 / MQTT 5 §4.7), used to validate filters and route messages. */
public final class TopicFilter {
    private TopicFilter() {
    }

    /** Null when {@code filter} is a valid subscription filter, else the reason. */
    public static String validateFilter(String filter) {
        if (filter == null || filter.isEmpty()) {
            return "topic filter must not be empty";
        }
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
                return "'#' must be the whole last level of topic filter " + filter;
            }
            if (level.contains("+") && !level.equals("+")) {
                return "'+' must be a whole level of topic filter " + filter;
            }
        }
        if (filter.indexOf('\u0000') >= 0) {
            return "topic filter must not contain the null character";
        }
        return null;
    }

    /** Whether a message published to {@code topic} is delivered to a subscription on {@code filter}. */
    public static boolean matches(String filter, String topic) {
        String f = stripSharePrefix(filter);
        // Wildcards at the first level never match topics starting with '$' ($SYS/...), per §4.7.2.
        if (topic.startsWith("$") && (f.startsWith("+") || f.startsWith("#"))) {
            return false;
        }
        String[] fl = f.split("/", -1);
        String[] tl = topic.split("/", -1);
        for (int i = 0; i < fl.length; i++) {
            if (fl[i].equals("#")) {
                return true; // also matches the parent level: "a/#" matches "a"
            }
            if (i >= tl.length) {
                return false;
            }
            if (!fl[i].equals("+") && !fl[i].equals(tl[i])) {
                return false;
            }
        }
        return fl.length == tl.length;
    }

    /** Shared subscriptions ($share/group/filter, EMQX's $queue/filter) deliver topics matching the inner filter. */
    static String stripSharePrefix(String filter) {
        if (filter.startsWith("$share/")) {
            int slash = filter.indexOf('/', "$share/".length());
            return slash < 0 ? filter : filter.substring(slash + 1);
        }
        if (filter.startsWith("$queue/")) {
            return filter.substring("$queue/".length());
        }
        return filter;
    }
}
