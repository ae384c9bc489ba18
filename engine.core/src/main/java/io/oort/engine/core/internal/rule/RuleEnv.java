package io.oort.engine.core.internal.rule;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import io.oort.engine.core.api.EngineClock;
import io.oort.engine.core.internal.builtin.MemoryBus;
import io.oort.engine.core.internal.catalog.StreamCatalog;
import io.oort.engine.core.internal.connector.ConfKeys;
import io.oort.engine.core.internal.registry.ConnectorRegistry;
import io.oort.engine.sql.function.FunctionRegistry;

/**
 * What running rules share: catalog, connectors, functions, conf keys, clock, threads, configuration defaults, and
 * the data directory ({@code <home>/data}, where sink caches live; null for an engine without a home).
 */
public record RuleEnv(
        StreamCatalog catalog,
        ConnectorRegistry connectors,
        FunctionRegistry functions,
        ConfKeys confKeys,
        EngineClock clock,
        ZoneId zone,
        boolean ignoreCase,
        ExecutorService workers,
        ScheduledExecutorService timers,
        SharedSources shared,
        MemoryBus memory,
        Map<String, Object> ruleDefaults,
        Map<String, String> sinkDefaults,
        Path dataDir) {

    /** An environment without a data directory (sink caches keep their pages in memory). */
    public RuleEnv(StreamCatalog catalog, ConnectorRegistry connectors, FunctionRegistry functions, ConfKeys confKeys,
            EngineClock clock, ZoneId zone, boolean ignoreCase, ExecutorService workers,
            ScheduledExecutorService timers, SharedSources shared, MemoryBus memory, Map<String, Object> ruleDefaults,
            Map<String, String> sinkDefaults) {
        this(catalog, connectors, functions, confKeys, clock, zone, ignoreCase, workers, timers, shared, memory,
                ruleDefaults, sinkDefaults, null);
    }
}
