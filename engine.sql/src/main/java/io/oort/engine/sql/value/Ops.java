package io.oort.engine.sql.value;

import java.time.Instant;

import io.oort.engine.sql.ast.BinaryOp;

/**
 * eKuiper's binary operator semantics on two values ({@code SimpleDataEval} in internal/xsql/valuer.go):
 * <ul>
 * <li>a null operand makes relational and logical operators false and arithmetic null;</li>
 * <li>integer with integer stays integer ({@code /} truncates, {@code %} takes the dividend's sign, division by
 * zero is an error); any float makes it float ({@code %} is fmod);</li>
 * <li>strings compare with strings, booleans combine with booleans, datetimes compare with anything convertible
 * to a datetime; every other mix is "invalid operation T(v) op T(v)".</li>
 * </ul>
 */
public final class Ops {

    private Ops() {
    }

    /** Applies {@code op}; AND/OR here are the non-short-circuit part (both sides evaluated). */
    public static Object simple(BinaryOp op, Object lhs, Object rhs) {
        if (lhs == null || rhs == null) {
            return switch (op) {
                case AND, OR, BIT_AND, BIT_OR, BIT_XOR, EQ, NEQ, GT, GTE, LT, LTE -> Boolean.FALSE;
                default -> null;
            };
        }
        if (lhs instanceof Boolean lb) {
            if (!(rhs instanceof Boolean rb)) {
                throw invalid(lhs, op, rhs);
            }
            return switch (op) {
                case AND, BIT_AND -> lb && rb;
                case OR, BIT_OR -> lb || rb;
                case BIT_XOR -> lb != rb;
                case EQ -> lb.booleanValue() == rb.booleanValue();
                case NEQ -> lb.booleanValue() != rb.booleanValue();
                default -> throw invalid(lhs, op, rhs);
            };
        }
        if (lhs instanceof Double || lhs instanceof Float) {
            if (!Cast.isNumber(rhs)) {
                throw invalid(lhs, op, rhs);
            }
            return floatOp(op, ((Number) lhs).doubleValue(), ((Number) rhs).doubleValue(), lhs, rhs);
        }
        if (Cast.isInteger(lhs)) {
            long l = ((Number) lhs).longValue();
            if (rhs instanceof Double || rhs instanceof Float) {
                return floatOp(op, l, ((Number) rhs).doubleValue(), lhs, rhs);
            }
            if (!Cast.isInteger(rhs)) {
                throw invalid(lhs, op, rhs);
            }
            long r = ((Number) rhs).longValue();
            return switch (op) {
                case EQ -> l == r;
                case NEQ -> l != r;
                case LT -> l < r;
                case LTE -> l <= r;
                case GT -> l > r;
                case GTE -> l >= r;
                case ADD -> l + r;
                case SUB -> l - r;
                case MUL -> l * r;
                case DIV -> {
                    if (r == 0) {
                        throw new EvalException("divided by zero");
                    }
                    yield l / r;
                }
                case MOD -> {
                    if (r == 0) {
                        throw new EvalException("divided by zero");
                    }
                    yield l % r;
                }
                case BIT_AND -> l & r;
                case BIT_OR -> l | r;
                case BIT_XOR -> l ^ r;
                default -> throw invalid(lhs, op, rhs);
            };
        }
        if (lhs instanceof String ls) {
            if (!(rhs instanceof String rs)) {
                throw invalid(lhs, op, rhs);
            }
            int c = ls.compareTo(rs);
            return switch (op) {
                case EQ -> c == 0;
                case NEQ -> c != 0;
                case LT -> c < 0;
                case LTE -> c <= 0;
                case GT -> c > 0;
                case GTE -> c >= 0;
                default -> throw invalid(lhs, op, rhs);
            };
        }
        if (lhs instanceof Instant lt) {
            Instant rt;
            try {
                rt = Times.toInstant(rhs);
            } catch (EvalException e) {
                throw invalid(lhs, op, rhs);
            }
            int c = lt.compareTo(rt);
            return switch (op) {
                case EQ -> c == 0;
                case NEQ -> c != 0;
                case LT -> c < 0;
                case LTE -> c <= 0;
                case GT -> c > 0;
                case GTE -> c >= 0;
                default -> throw invalid(lhs, op, rhs);
            };
        }
        throw invalid(lhs, op, rhs);
    }

    private static Object floatOp(BinaryOp op, double l, double r, Object lhs, Object rhs) {
        return switch (op) {
            case EQ -> l == r;
            case NEQ -> l != r;
            case LT -> l < r;
            case LTE -> l <= r;
            case GT -> l > r;
            case GTE -> l >= r;
            case ADD -> l + r;
            case SUB -> l - r;
            case MUL -> l * r;
            case DIV -> {
                if (r == 0) {
                    throw new EvalException("divided by zero");
                }
                yield l / r;
            }
            case MOD -> {
                if (r == 0) {
                    throw new EvalException("divided by zero");
                }
                yield l % r;
            }
            default -> throw invalid(lhs, op, rhs);
        };
    }

    /** Equality as IN and simple CASE use it: EQ semantics, errors included. */
    public static boolean eq(Object lhs, Object rhs) {
        return (Boolean) simple(BinaryOp.EQ, lhs, rhs);
    }

    public static EvalException invalid(Object lhs, BinaryOp op, Object rhs) {
        return new EvalException("invalid operation " + GoFormat.typed(lhs) + " " + op.symbol() + " "
                + GoFormat.typed(rhs));
    }
}
