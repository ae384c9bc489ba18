package io.oort.engine.core.internal.service;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

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

    /** Waits up to 10 s for a condition the engine's threads make true; fails naming it. */
    public static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        waitFor(what, condition, () -> "");
    }

    /** As {@link #waitFor(String, BooleanSupplier)}; {@code detail} is added to the failure (e.g. the rule status). */
    public static void waitFor(String what, BooleanSupplier condition, Supplier<String> detail)
            throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                String d = detail.get();
                throw new AssertionError("timed out waiting for " + what + (d.isEmpty() ? "" : "; " + d));
            }
            Thread.sleep(5);
        }
    }
}
