package io.oort.engine.core.embed;

/** A statement or rule that Oort rejects: the message names the problem and, for SQL, where it is. */
public class OortException extends Exception {
    private static final long serialVersionUID = 1L;

    public OortException(String message) {
        super(message);
    }

    public OortException(String message, Throwable cause) {
        super(message, cause);
    }
}
