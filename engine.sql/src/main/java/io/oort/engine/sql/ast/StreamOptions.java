package io.oort.engine.sql.ast;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The WITH (...) options of CREATE STREAM / TABLE, by their eKuiper names. Keys are stored upper case
 * (DATASOURCE, FORMAT, KEY, CONF_KEY, TYPE, STRICT_VALIDATION, TIMESTAMP, TIMESTAMP_FORMAT, RETAIN_SIZE, SHARED,
 * SCHEMAID, KIND, DELIMITER, VERSION, EXTRA, TEMP); values as written.
 */
public final class StreamOptions {

    /** Every option eKuiper accepts, in the order its error message lists them. */
    public static final String[] KEYS = {"DATASOURCE", "FORMAT", "KEY", "CONF_KEY", "SHARED", "STRICT_VALIDATION",
        "TYPE", "TIMESTAMP", "TIMESTAMP_FORMAT", "RETAIN_SIZE", "SCHEMAID", "EXTRA", "VERSION", "TEMP", "KIND",
        "DELIMITER"};

    private final Map<String, String> values = new LinkedHashMap<>();

    public static boolean isKey(String upper) {
        for (String k : KEYS) {
            if (k.equals(upper)) {
                return true;
            }
        }
        return false;
    }

    public void put(String key, String value) {
        values.put(key, value);
    }

    public String get(String key) {
        return values.get(key);
    }

    public Map<String, String> asMap() {
        return values;
    }

    public String datasource() {
        return values.get("DATASOURCE");
    }

    /** FORMAT, default {@code json}, lower case. */
    public String format() {
        String f = values.get("FORMAT");
        return f == null || f.isEmpty() ? "json" : f.toLowerCase();
    }

    /** TYPE, default {@code mqtt}. */
    public String type() {
        String t = values.get("TYPE");
        return t == null || t.isEmpty() ? "mqtt" : t;
    }

    public String key() {
        return values.get("KEY");
    }

    public String confKey() {
        return values.get("CONF_KEY");
    }

    public String timestamp() {
        return values.get("TIMESTAMP");
    }

    public String timestampFormat() {
        return values.get("TIMESTAMP_FORMAT");
    }

    public boolean shared() {
        return "true".equalsIgnoreCase(values.get("SHARED"));
    }

    public boolean strictValidation() {
        return "true".equalsIgnoreCase(values.get("STRICT_VALIDATION"));
    }

    public boolean temp() {
        return "true".equalsIgnoreCase(values.get("TEMP"));
    }

    public int retainSize() {
        String v = values.get("RETAIN_SIZE");
        return v == null ? 0 : Integer.parseInt(v);
    }

    /** KIND for tables: {@code scan} (default) or {@code lookup}. */
    public String kind() {
        String k = values.get("KIND");
        return k == null || k.isEmpty() ? "scan" : k.toLowerCase();
    }

    public String delimiter() {
        String d = values.get("DELIMITER");
        return d == null || d.isEmpty() ? "," : d;
    }

    public String schemaId() {
        return values.get("SCHEMAID");
    }

    public String extra() {
        return values.get("EXTRA");
    }

    public String version() {
        return values.get("VERSION");
    }

    /** As eKuiper describes a stream's options: lower-camel JSON names, only those set. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String name = switch (e.getKey()) {
                case "DATASOURCE" -> "datasource";
                case "FORMAT" -> "format";
                case "KEY" -> "key";
                case "CONF_KEY" -> "conf_key";
                case "TYPE" -> "type";
                case "STRICT_VALIDATION" -> "strict_validation";
                case "TIMESTAMP" -> "timestamp";
                case "TIMESTAMP_FORMAT" -> "timestamp_format";
                case "RETAIN_SIZE" -> "retain_size";
                case "SHARED" -> "shared";
                case "SCHEMAID" -> "schemaid";
                case "KIND" -> "kind";
                case "DELIMITER" -> "delimiter";
                case "VERSION" -> "version";
                case "EXTRA" -> "extra";
                case "TEMP" -> "temp";
                default -> e.getKey().toLowerCase();
            };
            Object v = e.getValue();
            if ("SHARED".equals(e.getKey()) || "STRICT_VALIDATION".equals(e.getKey()) || "TEMP".equals(e.getKey())) {
                v = Boolean.parseBoolean(e.getValue());
            } else if ("RETAIN_SIZE".equals(e.getKey())) {
                v = retainSize();
            }
            m.put(name, v);
        }
        return m;
    }
}
