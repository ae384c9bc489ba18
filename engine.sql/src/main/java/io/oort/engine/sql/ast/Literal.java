package io.oort.engine.sql.ast;

import java.util.function.Consumer;

/** A constant: integer (Long), number (Double), string, boolean. */
public final class Literal extends Expr {

    private final Object value;

    public Literal(Pos pos, Object value) {
        super(pos);
        this.value = value;
    }

    /** Long, Double, String or Boolean. */
    public Object value() {
        return value;
    }

    public boolean isInteger() {
        return value instanceof Long;
    }

    public boolean isNumber() {
        return value instanceof Long || value instanceof Double;
    }

    public boolean isString() {
        return value instanceof String;
    }

    public boolean isBoolean() {
        return value instanceof Boolean;
    }

    @Override
    public void children(Consumer<Expr> visitor) {
        // a leaf
    }

    @Override
    public String toString() {
        if (value instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return String.valueOf(value);
    }
}
