package io.oort.engine.core.internal.format;

/** A payload that cannot be decoded with the stream's format and schema; counted, the rule keeps running. */
public class DecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    public DecodeException(String message) {
        super(message, null, false, false);
    }
}
