package io.oort.engine.core.internal.service;

import java.nio.file.Path;
import java.util.Map;

import io.oort.engine.core.internal.config.EngineConfig;
import io.oort.engine.core.internal.registry.ConnectorRegistry;

/** Engines for tests: without OSGi, with the core's memory/log/nop connectors, persisted under a home or not. */
public final class TestEngines {

    private TestEngines() {
    }

    /** An engine whose store lives in {@code home}/data (null: in memory only). */
    public static EngineService open(Path home) {
        return open(home, Map.of());
    }

    public static EngineService open(Path home, Map<String, String> config) {
        return new EngineService(new ConnectorRegistry(), EngineConfig.of(config), home);
    }

    /** Stops the rules and closes the store, as the framework does at shutdown. */
    public static void close(EngineService engine) {
        engine.deactivate();
    }
}
