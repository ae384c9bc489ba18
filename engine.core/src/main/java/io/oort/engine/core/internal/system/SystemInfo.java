package io.oort.engine.core.internal.system;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import io.oort.engine.core.api.EngineClock;

/** Version and uptime, as eKuiper's {@code GET /} reports them. */
public final class SystemInfo {

    private static final String VERSION = readVersion();

    private final EngineClock clock;
    private final long startedAt;

    public SystemInfo(EngineClock clock) {
        this.clock = clock;
        this.startedAt = clock.millis();
    }

    public static String version() {
        return VERSION;
    }

    public long upTimeSeconds() {
        return Math.max(0, (clock.millis() - startedAt) / 1000);
    }

    /** {@code {"version","os","arch","upTimeSeconds","memoryUsed","memoryTotal"}}. */
    public Map<String, Object> describe() {
        Runtime rt = Runtime.getRuntime();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", VERSION);
        m.put("os", System.getProperty("os.name", "").toLowerCase());
        m.put("arch", System.getProperty("os.arch", ""));
        m.put("upTimeSeconds", upTimeSeconds());
        m.put("memoryUsed", rt.totalMemory() - rt.freeMemory());
        m.put("memoryTotal", rt.maxMemory());
        return m;
    }

    private static String readVersion() {
        try (InputStream in = SystemInfo.class.getResourceAsStream("/io/oort/engine/core/version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            // fall through: the version is informative only
        }
        return "unknown";
    }
}
