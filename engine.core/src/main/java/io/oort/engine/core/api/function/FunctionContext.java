package io.oort.engine.core.api.function;

import org.osgi.annotation.versioning.ProviderType;
import org.slf4j.Logger;

/** What a function knows about the rule calling it. Implemented by the engine. */
@ProviderType
public interface FunctionContext {

    /** The calling rule's id. */
    String ruleId();

    Logger logger();

    /** State kept per rule and per call site, for functions that remember across rows. */
    Object getState(String key);

    void putState(String key, Object value);
}
