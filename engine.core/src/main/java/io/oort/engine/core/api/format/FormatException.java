package io.oort.engine.core.api.format;

/** A payload that cannot be decoded or data that cannot be encoded; the message names the problem. */
public class FormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public FormatException(String message) {
        super(message);
    }

    public FormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
