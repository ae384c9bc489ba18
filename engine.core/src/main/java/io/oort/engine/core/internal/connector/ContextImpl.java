package io.oort.engine.core.internal.connector;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.oort.engine.core.api.ConnectorContext;
import io.oort.engine.core.api.EngineClock;

/** The context a connector instance gets: rule id, operator id, a logger named after both, the engine clock. */
public record ContextImpl(String ruleId, String operatorId, Logger logger, EngineClock clock)
        implements ConnectorContext {

    public static ContextImpl of(String ruleId, String operatorId, EngineClock clock) {
        return new ContextImpl(ruleId, operatorId, LoggerFactory.getLogger("oort.rule." + ruleId + "." + operatorId),
                clock);
    }
}
