package io.oort.engine.core.api;

/** A connector failure that retrying will not fix (bad configuration, rejected message). */
public class ConnectorException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConnectorException(String message) {
        super(message);
    }

    public ConnectorException(String message, Throwable cause) {
        super(message, cause);
    }
}
