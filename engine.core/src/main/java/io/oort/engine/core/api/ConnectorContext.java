package io.oort.engine.core.api;

import org.osgi.annotation.versioning.ProviderType;
import org.slf4j.Logger;

/** What the engine tells a connector about where it runs. Implemented by the engine. */
@ProviderType
public interface ConnectorContext {

    /** The id of the rule this instance serves, or the stream name for a shared source. */
    String ruleId();

    /** The operator id inside the rule, e.g. {@code source_demo} or {@code sink_mqtt_0}. */
    String operatorId();

    /** A logger whose lines carry the rule and operator ids. */
    Logger logger();

    /** The engine's clock; tests replace it, so connectors must not read the system clock for event times. */
    EngineClock clock();
}
