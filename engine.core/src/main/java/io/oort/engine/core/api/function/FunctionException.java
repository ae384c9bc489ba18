package io.oort.engine.core.api.function;

/** A per-row function error (wrong argument type, invalid value). */
public class FunctionException extends Exception {
    private static final long serialVersionUID = 1L;

    public FunctionException(String message) {
        super(message, null, false, false);
    }
}
