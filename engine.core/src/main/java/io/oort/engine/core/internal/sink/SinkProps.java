package io.oort.engine.core.internal.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.oort.engine.core.internal.config.Durations;

/** eKuiper's common sink properties (internal/topo/node/props.go), read from an action's merged properties. */
final class SinkProps {

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

    static SinkProps of(Map<String, Object> p, Map<String, String> defaults) {
        SinkProps s = new SinkProps();
        s.sendSingle = bool(p.get("sendSingle"), false);
        s.omitIfEmpty = bool(p.get("omitIfEmpty"), false);
        s.dataTemplate = str(p.get("dataTemplate"));
        s.dataField = str(p.containsKey("dataField") ? p.get("dataField") : p.get("tableDataField"));
        s.fields = list(p.get("fields"));
        s.excludeFields = list(p.get("excludeFields"));
        if (p.get("format") != null) {
            s.format = String.valueOf(p.get("format")).toLowerCase();
        }
        if (p.get("delimiter") != null) {
            s.delimiter = String.valueOf(p.get("delimiter"));
        }
        s.hasHeader = bool(p.get("hasHeader"), false);
        s.batchSize = (int) num(p.get("batchSize"), 0);
        s.lingerMillis = p.get("lingerInterval") == null ? 0 : Durations.parse(p.get("lingerInterval")).toMillis();
        s.resourceId = str(p.get("resourceId"));
        s.enableCache = bool(p.get("enableCache"), bool(defaults.get("enableCache"), false));
        s.memoryCacheThreshold = (int) num(p.get("memoryCacheThreshold"), num(defaults.get("memoryCacheThreshold"), 1024));
        s.maxDiskCache = (int) num(p.get("maxDiskCache"), num(defaults.get("maxDiskCache"), 1024000));
        s.bufferPageSize = (int) num(p.get("bufferPageSize"), num(defaults.get("bufferPageSize"), 256));
        Object ri = p.get("resendInterval") != null ? p.get("resendInterval") : defaults.get("resendInterval");
        s.resendIntervalMillis = ri == null ? 0 : Durations.parse(ri).toMillis();
        s.cleanCacheAtStop = bool(p.get("cleanCacheAtStop"), bool(defaults.get("cleanCacheAtStop"), false));
        s.resendAlterQueue = bool(p.get("resendAlterQueue"), bool(defaults.get("resendAlterQueue"), false));
        s.resendPriority = (int) num(p.get("resendPriority"), num(defaults.get("resendPriority"), 0));
        s.resendIndicatorField = str(p.get("resendIndicatorField"));
        if (s.batchSize < 0 || s.memoryCacheThreshold < 0 || s.maxDiskCache < 0 || s.bufferPageSize <= 0) {
            throw new IllegalArgumentException("invalid sink cache or batch settings: sizes must be positive");
        }
        if (s.resendPriority < -1 || s.resendPriority > 1) {
            throw new IllegalArgumentException("invalid resendPriority " + s.resendPriority + ": expected -1, 0 or 1");
        }
        return s;
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
            return n.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid number " + v);
        }
    }

    private static String str(Object v) {
        return v == null ? null : String.valueOf(v);
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
}
