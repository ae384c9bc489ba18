package io.oort.launcher;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The keys of {@code etc/oort.yaml}: eKuiper's {@code kuiper.yaml} sections (basic, rule, sink, source, store,
 * portable, openTelemetry) plus Oort's own (plugins). Each key has a type used to validate values and a default
 * where the engine needs one at start-up.
 */
final class ConfigSchema {

    enum Type { STRING, INT, BOOL, DURATION, LIST, MAP, ENUM, ANY }

    record Key(String section, String name, Type type, String dflt, String[] options) {
        String path() {
            return section + "." + name;
        }
    }

    private final Map<String, Key> keys = new LinkedHashMap<>();
    /** Lower-cased "section.key" → canonical key, for environment overrides (which are case-insensitive). */
    private final Map<String, Key> lower = new LinkedHashMap<>();

    static final ConfigSchema INSTANCE = new ConfigSchema();

    private ConfigSchema() {
        // basic
        k("basic", "logLevel", Type.ENUM, "info", "trace", "debug", "info", "warn", "error");
        k("basic", "debug", Type.BOOL, "false");
        k("basic", "consoleLog", Type.BOOL, "true");
        k("basic", "fileLog", Type.BOOL, "true");
        k("basic", "logDisableTimestamp", Type.BOOL, "false");
        k("basic", "rotateSize", Type.INT, "10485760");
        k("basic", "rotateCount", Type.INT, "3");
        k("basic", "rotateTime", Type.INT, null);
        k("basic", "maxAge", Type.INT, null);
        k("basic", "syslog", Type.MAP, null);
        k("basic", "ip", Type.STRING, "127.0.0.1");
        k("basic", "port", Type.INT, "20498");
        k("basic", "restIp", Type.STRING, "0.0.0.0");
        k("basic", "restPort", Type.INT, "9081");
        k("basic", "restTls", Type.MAP, null);
        k("basic", "timezone", Type.STRING, "Local");
        k("basic", "authentication", Type.BOOL, "false");
        k("basic", "prometheus", Type.BOOL, "false");
        k("basic", "prometheusPort", Type.INT, "20499");
        k("basic", "pprof", Type.BOOL, null);
        k("basic", "pprofIp", Type.STRING, null);
        k("basic", "pprofPort", Type.INT, null);
        k("basic", "pluginHosts", Type.STRING, null);
        k("basic", "ignoreCase", Type.BOOL, "false");
        k("basic", "sql", Type.MAP, null);
        k("basic", "rulePatrolInterval", Type.DURATION, "10s");
        k("basic", "cfgStorageType", Type.STRING, null);
        k("basic", "enableOpenZiti", Type.BOOL, null);
        k("basic", "aesKey", Type.STRING, null);
        k("basic", "gracefulShutdownTimeout", Type.DURATION, "10s");
        k("basic", "connection", Type.MAP, null);
        k("basic", "enableRestAuditLog", Type.BOOL, null);
        k("basic", "enablePrivateNet", Type.BOOL, null);
        k("basic", "allowExternalFileAccess", Type.BOOL, null);
        k("basic", "maxBodyBytes", Type.INT, "10485760");
        // rule defaults
        k("rule", "qos", Type.INT, "0");
        k("rule", "checkpointInterval", Type.DURATION, "300s");
        k("rule", "sendError", Type.BOOL, "false");
        k("rule", "isEventTime", Type.BOOL, null);
        k("rule", "lateTolerance", Type.DURATION, null);
        k("rule", "concurrency", Type.INT, null);
        k("rule", "bufferLength", Type.INT, null);
        k("rule", "sendMetaToSink", Type.BOOL, null);
        k("rule", "sendNilField", Type.BOOL, null);
        k("rule", "debug", Type.BOOL, null);
        k("rule", "restartStrategy", Type.MAP, null);
        k("rule", "disableBufferFullDiscard", Type.BOOL, null);
        k("rule", "bufferFullPolicy", Type.ENUM, null, "block", "dropOldest");
        // sink defaults
        k("sink", "enableCache", Type.BOOL, "false");
        k("sink", "memoryCacheThreshold", Type.INT, "1024");
        k("sink", "maxDiskCache", Type.INT, "1024000");
        k("sink", "bufferPageSize", Type.INT, "256");
        k("sink", "resendInterval", Type.DURATION, "0s");
        k("sink", "cleanCacheAtStop", Type.BOOL, "false");
        k("sink", "resendAlterQueue", Type.BOOL, "false");
        k("sink", "resendPriority", Type.INT, "0");
        k("sink", "resendIndicatorField", Type.STRING, null);
        // source
        k("source", "httpServerIp", Type.STRING, "0.0.0.0");
        k("source", "httpServerPort", Type.INT, "10081");
        k("source", "httpServerTls", Type.MAP, null);
        // store
        k("store", "type", Type.ENUM, "h2", "h2", "sqlite", "redis", "pebble", "fdb");
        k("store", "extStateType", Type.STRING, null);
        k("store", "redis", Type.MAP, null);
        k("store", "sqlite", Type.MAP, null);
        k("store", "pebble", Type.MAP, null);
        k("store", "fdb", Type.MAP, null);
        // accepted for eKuiper compatibility, unused by Oort
        k("portable", "pythonBin", Type.STRING, null);
        k("portable", "initTimeout", Type.DURATION, null);
        k("portable", "sendTimeout", Type.DURATION, null);
        k("portable", "recvTimeout", Type.DURATION, null);
        k("openTelemetry", "serviceName", Type.STRING, null);
        k("openTelemetry", "enableRemoteCollector", Type.BOOL, null);
        k("openTelemetry", "remoteEndpoint", Type.STRING, null);
        k("openTelemetry", "localTraceCapacity", Type.INT, null);
        k("openTelemetry", "enableLocalStorage", Type.BOOL, null);
        // Oort: plugin management
        k("plugins", "allowedUrlPrefixes", Type.LIST, null);
        k("plugins", "pollInterval", Type.DURATION, "1s");
    }

    private void k(String section, String name, Type type, String dflt, String... options) {
        Key key = new Key(section, name, type, dflt, options);
        keys.put(key.path(), key);
        lower.put(key.path().toLowerCase(Locale.ROOT), key);
    }

    Key find(String path) {
        return keys.get(path);
    }

    Key findIgnoreCase(String path) {
        return lower.get(path.toLowerCase(Locale.ROOT));
    }

    boolean hasSection(String section) {
        for (Key k : keys.values()) {
            if (k.section().equals(section)) {
                return true;
            }
        }
        return false;
    }

    Iterable<Key> keys() {
        return keys.values();
    }
}
