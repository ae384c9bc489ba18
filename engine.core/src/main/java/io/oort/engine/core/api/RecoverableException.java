package io.oort.engine.core.api;

/**
 * A transient failure (network down, broker unavailable): the engine retries, and for sinks keeps the message in
 * the sink cache to resend it when the target is back.
 */
public class RecoverableException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    public RecoverableException(String message) {
        super(message);
    }

    public RecoverableException(String message, Throwable cause) {
        super(message, cause);
    }
}
