package io.oort.engine.core.internal.sink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oort.engine.core.internal.config.Durations;

/**
 * eKuiper's common sink properties ({@code internal/topo/node/props.go} SinkConf and {@code pkg/model/conf.go}
 * SinkConf), read from an action's merged properties with the engine's {@code sink.*} defaults for the cache ones,
 * and validated as eKuiper validates them (so a rule eKuiper rejects is rejected here with the same reason).
 */
final class SinkProps {

    static final long DEFAULT_RETRY_MILLIS = 100;

    int concurrency = 1;
    int bufferLength = 1024;
    boolean sendSingle;
    boolean omitIfEmpty;
    String dataTemplate;
    String dataField;
    List<String> fields;
    List<String> excludeFields;
    String format = "json";
    String delimiter = ",";
    boolean hasHeader;
    int batchSize;
    long lingerMillis;
    String compression;
    Map<String, Object> compressionProps = Map.of();
    String encryption;
    String resourceId;
    boolean enableCache;
    int memoryCacheThreshold = 1024;
    int maxDiskCache = 1024000;
    int bufferPageSize = 256;
    long resendIntervalMillis;
    boolean cleanCacheAtStop;
    boolean resendAlterQueue;
    int resendPriority;
    String resendIndicatorField;
    String resendDestination;

    /**
     * Parses and validates.
     *
     * @throws IllegalArgumentException with eKuiper's message ({@code fail to parse sink configuration: ...})
     */
    static SinkProps of(Map<String, Object> p, Map<String, String> defaults) {
        try {
            return parse(p, defaults);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fail to parse sink configuration: " + e.getMessage(), e);
        }
    }

    private static SinkProps parse(Map<String, Object> p, Map<String, String> defaults) {
        SinkProps s = new SinkProps();
        s.concurrency = (int) num(p.get("concurrency"), 1);
        if (s.concurrency <= 0) {
            s.concurrency = 1; // eKuiper warns and uses 1
        }
        s.bufferLength = (int) num(p.get("bufferLength"), 1024);
        s.sendSingle = bool(p.get("sendSingle"), false);
        s.omitIfEmpty = bool(p.get("omitIfEmpty"), false);
        s.dataTemplate = emptyToNull(str(p.get("dataTemplate")));
        s.dataField = emptyToNull(str(p.get("dataField")));
        if (s.dataField == null) {
            s.dataField = emptyToNull(str(p.get("tableDataField")));
        }
        s.fields = emptyToNull(list(p.get("fields")));
        s.excludeFields = emptyToNull(list(p.get("excludeFields")));
        String f = str(p.get("format"));
        if (f != null && !f.isEmpty()) {
            s.format = f.toLowerCase();
        }
        if (p.get("delimiter") != null && !"".equals(p.get("delimiter"))) {
            s.delimiter = String.valueOf(p.get("delimiter"));
        }
        s.hasHeader = bool(p.get("hasHeader"), false);
        s.batchSize = (int) num(p.get("batchSize"), 0);
        if (s.batchSize < 0) {
            throw new IllegalArgumentException("invalid batchSize " + s.batchSize);
        }
        s.lingerMillis = Durations.parse(p.get("lingerInterval")).toMillis();
        if (s.lingerMillis < 0) {
            throw new IllegalArgumentException("invalid lingerInterval " + p.get("lingerInterval")
                    + ", must be positive");
        }
        s.compression = emptyToNull(str(p.get("compression")));
        s.compressionProps = map(p.get("compressionProps"));
        s.encryption = emptyToNull(str(p.get("encryption")));
        s.resourceId = str(p.get("resourceId"));
        s.enableCache = bool(or(p, defaults, "enableCache"), false);
        s.memoryCacheThreshold = (int) num(or(p, defaults, "memoryCacheThreshold"), 1024);
        s.maxDiskCache = (int) num(or(p, defaults, "maxDiskCache"), 1024000);
        s.bufferPageSize = (int) num(or(p, defaults, "bufferPageSize"), 256);
        s.resendIntervalMillis = Durations.parse(or(p, defaults, "resendInterval")).toMillis();
        s.cleanCacheAtStop = bool(or(p, defaults, "cleanCacheAtStop"), false);
        s.resendAlterQueue = bool(or(p, defaults, "resendAlterQueue"), false);
        s.resendPriority = (int) num(or(p, defaults, "resendPriority"), 0);
        s.resendIndicatorField = emptyToNull(str(or(p, defaults, "resendIndicatorField")));
        s.resendDestination = emptyToNull(str(or(p, defaults, "resendDestination")));
        String cacheErrors = s.validateCache();
        if (cacheErrors != null) {
            throw new IllegalArgumentException("invalid cache properties: " + cacheErrors);
        }
        if (s.fields != null && s.excludeFields != null) {
            throw new IllegalArgumentException("field and excludeFields cannot both be set");
        }
        return s;
    }

    /** eKuiper's SinkConf.Validate: every problem, joined with newlines as Go's errors.Join does; null if none. */
    private String validateCache() {
        List<String> errs = new ArrayList<>();
        if (memoryCacheThreshold < 0) {
            memoryCacheThreshold = 1024;
            errs.add("memoryCacheThreshold:memoryCacheThreshold must be positive");
        }
        if (maxDiskCache < 0) {
            maxDiskCache = 1024000;
            errs.add("maxDiskCache:maxDiskCache must be positive");
        }
        if (bufferPageSize <= 0) {
            bufferPageSize = 256;
            errs.add("bufferPageSize:bufferPageSize must be positive");
        }
        if (resendIntervalMillis < 0) {
            errs.add("resendInterval:resendInterval must be positive");
        }
        if (bufferPageSize > memoryCacheThreshold) {
            memoryCacheThreshold = bufferPageSize;
            errs.add("memoryCacheThresholdTooSmall:memoryCacheThreshold must be greater than or equal to "
                    + "bufferPageSize");
        }
        if (memoryCacheThreshold % bufferPageSize != 0) {
            memoryCacheThreshold = bufferPageSize * (memoryCacheThreshold / bufferPageSize + 1);
            errs.add("memoryCacheThresholdNotMultiple:memoryCacheThreshold must be a multiple of bufferPageSize");
        }
        if (bufferPageSize > maxDiskCache) {
            maxDiskCache = bufferPageSize;
            errs.add("maxDiskCacheTooSmall:maxDiskCache must be greater than bufferPageSize");
        }
        if (maxDiskCache % bufferPageSize != 0) {
            maxDiskCache = bufferPageSize * (maxDiskCache / bufferPageSize + 1);
            errs.add("maxDiskCacheNotMultiple:maxDiskCache must be a multiple of bufferPageSize");
        }
        if (resendPriority < -1 || resendPriority > 1) {
            resendPriority = 0;
            errs.add("resendPriority:resendPriority must be -1, 0 or 1");
        }
        return errs.isEmpty() ? null : String.join("\n", errs);
    }

    /** Whether batching is on (eKuiper: batchSize > 0 or lingerInterval > 0). */
    boolean batching() {
        return batchSize > 0 || lingerMillis > 0;
    }

    /** The maximum number of disk pages: maxDiskCache / bufferPageSize, at least 2 as in eKuiper. */
    int maxDiskPages() {
        return Math.max(2, maxDiskCache / bufferPageSize);
    }

    /** How often a failed message is retried: resendInterval, or eKuiper's 100 ms when it is 0. */
    long retryMillis() {
        return resendIntervalMillis > 0 ? resendIntervalMillis : DEFAULT_RETRY_MILLIS;
    }

    /** Text formats take a data template's output as the payload as is (eKuiper's xsql.IsTextFormat). */
    boolean textFormat() {
        return "json".equals(format) || "delimited".equals(format) || "urlencoded".equals(format);
    }

    private static Object or(Map<String, Object> p, Map<String, String> defaults, String key) {
        Object v = p.get(key);
        return v != null ? v : defaults.get(key);
    }

    private static boolean bool(Object v, boolean dflt) {
        if (v == null) {
            return dflt;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = String.valueOf(v).trim();
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new IllegalArgumentException("invalid boolean " + v);
    }

    private static long num(Object v, long dflt) {
        if (v == null || "".equals(v)) {
            return dflt;
        }
        if (v instanceof Number n) {
            if (n.doubleValue() != Math.rint(n.doubleValue())) {
                throw new IllegalArgumentException("invalid integer " + v);
            }
            return n.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid integer " + v);
        }
    }

    private static String str(Object v) {
        return v == null ? null : String.valueOf(v);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static <T> List<T> emptyToNull(List<T> l) {
        return l == null || l.isEmpty() ? null : l;
    }

    private static List<String> list(Object v) {
        if (v == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            l.forEach(x -> out.add(String.valueOf(x)));
        } else {
            for (String s : String.valueOf(v).split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    private static Map<String, Object> map(Object v) {
        if (v == null) {
            return Map.of();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), x));
            return out;
        }
        throw new IllegalArgumentException("invalid compressionProps " + v + ": expected an object");
    }
}
