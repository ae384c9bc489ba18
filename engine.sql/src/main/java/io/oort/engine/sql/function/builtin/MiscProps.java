package io.oort.engine.sql.function.builtin;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The static properties props(key) reads (eKuiper pkg/props): {@code et} is the current engine time in
 * milliseconds as a string, {@code snowflake} a new snowflake id (node 1, Twitter epoch), any other key a value
 * configured through the environment variables {@code KUIPER_PROPS_<KEY>} (key lower-cased) or {@link #set}.
 */
public final class MiscProps {

    private MiscProps() {
    }

    private static final Map<String, String> PROPS = new ConcurrentHashMap<>();

    static {
        for (Map.Entry<String, String> e : System.getenv().entrySet()) {
            if (e.getKey().startsWith("KUIPER_PROPS_")) {
                PROPS.put(e.getKey().substring("KUIPER_PROPS_".length()).toLowerCase(Locale.ROOT), e.getValue());
            }
        }
    }

    /** Sets (or with a null value removes) a property; for the runtime's configuration. */
    public static void set(String key, String value) {
        if (value == null) {
            PROPS.remove(key);
        } else {
            PROPS.put(key, value);
        }
    }

    /** The property value, or null when unknown. */
    static String get(String key, long nowMillis) {
        return switch (key) {
            case "et" -> Long.toString(nowMillis);
            case "snowflake" -> Long.toString(snowflake());
            default -> PROPS.get(key);
        };
    }

    /** bwmarrin/snowflake: 41 bits of ms since 2010-11-04T01:42:54.657Z, 10 bits node (1), 12 bits step. */
    private static final long EPOCH = 1288834974657L;
    private static long lastMs = -1;
    private static long step;

    static synchronized long snowflake() {
        long now = System.currentTimeMillis();
        if (now < lastMs) {
            now = lastMs;
        }
        if (now == lastMs) {
            step = (step + 1) & 0xfff;
            if (step == 0) {
                while (now <= lastMs) {
                    now = System.currentTimeMillis();
                }
            }
        } else {
            step = 0;
        }
        lastMs = now;
        return ((now - EPOCH) << 22) | (1L << 12) | step;
    }
}
