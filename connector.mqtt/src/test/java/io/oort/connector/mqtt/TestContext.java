package io.oort.connector.mqtt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.oort.engine.core.api.ConnectorContext;
import io.oort.engine.core.api.EngineClock;

/** A test-only context whose clock always reads {@link #NOW}, so timestamps can be asserted exactly. */
public record TestContext(String ruleId, String operatorId) implements ConnectorContext {
    public static final long NOW = 1_700_000_000_123L;

    @Override
    public Logger logger() {
        return LoggerFactory.getLogger("test." + ruleId + "." + operatorId);
    }

    @Override
    public EngineClock clock() {
        return () -> NOW;
    }
}
