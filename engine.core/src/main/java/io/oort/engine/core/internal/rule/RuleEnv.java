package io.oort.engine.core.internal.rule;

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

/** What running rules share: catalog, connectors, functions, conf keys, clock, threads, configuration defaults. */
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
        Map<String, String> sinkDefaults) {
}
