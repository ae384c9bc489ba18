package io.oort.engine.core.api;

import org.osgi.annotation.versioning.ProviderType;

/** Receives connection status changes; safe to call from any thread. Implemented by the engine. */
@ProviderType
public interface StatusListener {

    /** @param message why, for {@link ConnectionStatus#DISCONNECTED}; may be null otherwise */
    void onStatus(ConnectionStatus status, String message);
}
