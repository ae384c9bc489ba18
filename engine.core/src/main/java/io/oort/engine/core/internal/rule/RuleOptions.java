package io.oort.engine.core.internal.rule;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.oort.engine.core.internal.config.Durations;

/**
 * A rule's options with eKuiper's names and defaults (internal/pkg/def/rule.go), defaults overridable by the
 * {@code rule:} section of etc/oort.yaml. Oort differs on purpose in one place: a full buffer blocks the upstream
 * by default instead of dropping the oldest record ({@code bufferFullPolicy: dropOldest} restores eKuiper's).
 */
public record RuleOptions(
        boolean debug,
        boolean isEventTime,
        Duration lateTolerance,
        int concurrency,
        int bufferLength,
        boolean sendMetaToSink,
        boolean sendNilField,
        boolean sendError,
        int qos,
        Duration checkpointInterval,
        RestartStrategy restartStrategy,
        String cron,
        Duration duration,
        List<Object> cronDatetimeRange,
        boolean dropOldestWhenFull,
        Map<String, Object> raw) {

    /** restartStrategy: attempts (0 = none), delay, multiplier, maxDelay, jitterFactor. */
    public record RestartStrategy(int attempts, long delayMillis, double multiplier, long maxDelayMillis,
            double jitterFactor) {
        public static final RestartStrategy DEFAULT = new RestartStrategy(0, 1000, 2, 30000, 0.1);
    }

    private static final Set<String> KNOWN = Set.of("debug", "logFilename", "isEventTime", "lateTolerance",
            "concurrency", "bufferLength", "sendMetaToSink", "sendNilField", "sendError", "qos", "checkpointInterval",
            "restartStrategy", "cron", "duration", "cronDatetimeRange", "planOptimizeStrategy",
            "disableBufferFullDiscard", "bufferFullPolicy", "enableSaveStateBeforeStop", "forceExitTimeout",
            "notifySub", "experiment", "enableRuleTracer", "tags");

    /** The defaults when nothing is configured. */
    public static RuleOptions defaults() {
        return parse(Map.of(), Map.of());
    }

    /**
     * @param options  the rule's "options" object
     * @param defaults the {@code rule:} section of the configuration (same names), may be empty
     * @throws IllegalArgumentException naming the option and the problem
     */
    public static RuleOptions parse(Map<String, Object> options, Map<String, Object> defaults) {
        Map<String, Object> o = new HashMap<>(defaults == null ? Map.of() : defaults);
        if (options != null) {
            o.putAll(options);
        }
        RestartStrategy rs = RestartStrategy.DEFAULT;
        if (o.get("restartStrategy") instanceof Map<?, ?> m) {
            rs = new RestartStrategy(
                    (int) num(m.get("attempts"), 0, "restartStrategy.attempts"),
                    duration(m.get("delay"), Duration.ofMillis(1000), "restartStrategy.delay").toMillis(),
                    dbl(m.get("multiplier"), 2, "restartStrategy.multiplier"),
                    duration(m.get("maxDelay"), Duration.ofMillis(30000), "restartStrategy.maxDelay").toMillis(),
                    dbl(m.get("jitterFactor"), 0.1, "restartStrategy.jitterFactor"));
            if (rs.jitterFactor() < 0 || rs.jitterFactor() >= 1) {
                throw new IllegalArgumentException("invalid rule option restartStrategy.jitterFactor: must be in [0, 1)");
            }
            if (rs.multiplier() <= 0) {
                throw new IllegalArgumentException("invalid rule option restartStrategy.multiplier: must be positive");
            }
        } else if (o.get("restartStrategy") != null) {
            throw new IllegalArgumentException("invalid rule option restartStrategy: expected an object");
        }
        int qos = (int) num(o.get("qos"), 0, "qos");
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("invalid rule option qos: must be 0, 1 or 2");
        }
        int concurrency = (int) num(o.get("concurrency"), 1, "concurrency");
        int buffer = (int) num(o.get("bufferLength"), 1024, "bufferLength");
        if (concurrency < 1) {
            throw new IllegalArgumentException("invalid rule option concurrency: must be at least 1");
        }
        if (buffer < 1) {
            throw new IllegalArgumentException("invalid rule option bufferLength: must be at least 1");
        }
        boolean dropOldest = "dropOldest".equals(o.get("bufferFullPolicy"));
        Object cdr = o.get("cronDatetimeRange");
        @SuppressWarnings("unchecked")
        List<Object> ranges = cdr instanceof List ? (List<Object>) cdr : List.of();
        Map<String, Object> raw = new HashMap<>(options == null ? Map.of() : options);
        return new RuleOptions(
                bool(o.get("debug"), false, "debug"),
                bool(o.get("isEventTime"), false, "isEventTime"),
                duration(o.get("lateTolerance"), Duration.ofSeconds(1), "lateTolerance"),
                concurrency, buffer,
                bool(o.get("sendMetaToSink"), false, "sendMetaToSink"),
                bool(o.get("sendNilField"), false, "sendNilField"),
                bool(o.get("sendError"), false, "sendError"),
                qos,
                duration(o.get("checkpointInterval"), Duration.ofSeconds(300), "checkpointInterval"),
                rs,
                o.get("cron") == null ? "" : String.valueOf(o.get("cron")),
                duration(o.get("duration"), Duration.ZERO, "duration"),
                ranges, dropOldest, raw);
    }

    /** Option names Oort does not know, for a warning. */
    public static List<String> unknown(Map<String, Object> options) {
        return options == null ? List.of() : options.keySet().stream().filter(k -> !KNOWN.contains(k)).toList();
    }

    private static boolean bool(Object v, boolean dflt, String name) {
        if (v == null) {
            return dflt;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if ("true".equalsIgnoreCase(String.valueOf(v)) || "false".equalsIgnoreCase(String.valueOf(v))) {
            return Boolean.parseBoolean(String.valueOf(v));
        }
        throw new IllegalArgumentException("invalid rule option " + name + ": expected true or false, got " + v);
    }

    private static long num(Object v, long dflt, String name) {
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid rule option " + name + ": expected an integer, got " + v);
        }
    }

    private static double dbl(Object v, double dflt, String name) {
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid rule option " + name + ": expected a number, got " + v);
        }
    }

    private static Duration duration(Object v, Duration dflt, String name) {
        if (v == null || "".equals(v)) {
            return dflt;
        }
        try {
            return Durations.parse(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid rule option " + name + ": " + e.getMessage());
        }
    }
}
