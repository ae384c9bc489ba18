package io.oort.engine.core.api;

import org.osgi.annotation.versioning.ProviderType;

/** The engine's time source (injectable in tests). */
@ProviderType
public interface EngineClock {

    /** Current time in epoch milliseconds. */
    long millis();
}
