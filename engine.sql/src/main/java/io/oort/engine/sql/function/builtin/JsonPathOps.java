package io.oort.engine.sql.function.builtin;

import java.util.List;

import io.oort.engine.sql.value.GoFormat;

/**
 * gval's binary operators on engine values. Each operator tries, in gval's order: both operands already numbers,
 * booleans or strings of the kind it accepts, then both convertible (numeric strings become numbers, "true"
 * booleans...), then its fallback (deep equality for {@code ==}, text comparison of the printed values for
 * {@code <} and {@code +}), else it fails.
 */
final class JsonPathOps {

    private JsonPathOps() {
    }

    static Object apply(String op, Object a, Object b) throws JsonPath.Failure {
        switch (op) {
            case "+", "<", "<=", ">", ">=" -> {
                if (isNumber(a) && isNumber(b)) {
                    return number(op, num(a), num(b));
                }
                if (a instanceof String x && b instanceof String y) {
                    return text(op, x, y);
                }
                Double x = JsonPath.toFloat(a);
                Double y = JsonPath.toFloat(b);
                if (x != null && y != null) {
                    return number(op, x, y);
                }
                if (a != null && b != null) {
                    return text(op, GoFormat.v(a), GoFormat.v(b));
                }
                throw invalid(op, a, b);
            }
            case "==", "!=" -> {
                boolean eq;
                Double x = JsonPath.toFloat(a);
                Double y = JsonPath.toFloat(b);
                Boolean p = JsonPath.toBool(a);
                Boolean q = JsonPath.toBool(b);
                if (isNumber(a) && isNumber(b)) {
                    eq = num(a) == num(b);
                } else if (a instanceof Boolean s && b instanceof Boolean t) {
                    eq = s.equals(t);
                } else if (x != null && y != null) {
                    eq = x.doubleValue() == y.doubleValue();
                } else if (p != null && q != null) {
                    eq = p.equals(q);
                } else {
                    eq = JsonPath.deepEqual(a, b);
                }
                return op.equals("==") == eq;
            }
            case "&&", "||" -> {
                Boolean x = JsonPath.toBool(a);
                Boolean y = JsonPath.toBool(b);
                if (x == null || y == null) {
                    throw invalid(op, a, b);
                }
                return op.equals("&&") ? x && y : x || y;
            }
            case "in" -> {
                if (!(b instanceof List<?> l)) {
                    throw new JsonPath.Failure("expected type []interface{} for in operator but got "
                            + GoFormat.type(b));
                }
                for (Object e : l) {
                    if (JsonPath.deepEqual(a, e)) {
                        return true;
                    }
                }
                return false;
            }
            default -> {
                Double x = JsonPath.toFloat(a);
                Double y = JsonPath.toFloat(b);
                if (x == null || y == null) {
                    throw invalid(op, a, b);
                }
                return number(op, x, y);
            }
        }
    }

    private static boolean isNumber(Object o) {
        return o instanceof Double || o instanceof Long || o instanceof Integer;
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    private static JsonPath.Failure invalid(String op, Object a, Object b) {
        return new JsonPath.Failure("invalid operation (" + GoFormat.type(a) + ") " + op + " ("
                + GoFormat.type(b) + ")");
    }

    private static Object text(String op, String a, String b) {
        int c = JsonCodec.compareCodePoints(a, b);
        return switch (op) {
            case "+" -> a + b;
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
        };
    }

    private static Object number(String op, double a, double b) {
        return switch (op) {
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/" -> a / b;
            case "%" -> a % b;
            case "**" -> Math.pow(a, b);
            case "<" -> a < b;
            case "<=" -> a <= b;
            case ">" -> a > b;
            case ">=" -> a >= b;
            case "^" -> (double) ((long) a ^ (long) b);
            case "&" -> (double) ((long) a & (long) b);
            case "|" -> (double) ((long) a | (long) b);
            case "<<" -> b < 0 || b >= 64 ? 0.0 : (double) ((long) a << (long) b);
            case ">>" -> b < 0 || b >= 64 ? ((long) a < 0 ? -1.0 : 0.0) : (double) ((long) a >> (long) b);
            default -> throw new IllegalStateException(op);
        };
    }
}
