package io.oort.engine.sql.eval;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.oort.engine.sql.ast.BetweenExpr;
import io.oort.engine.sql.ast.BinaryExpr;
import io.oort.engine.sql.ast.BinaryOp;
import io.oort.engine.sql.ast.Call;
import io.oort.engine.sql.ast.CaseExpr;
import io.oort.engine.sql.ast.ColFuncField;
import io.oort.engine.sql.ast.Expr;
import io.oort.engine.sql.ast.Field;
import io.oort.engine.sql.ast.FieldRef;
import io.oort.engine.sql.ast.IndexExpr;
import io.oort.engine.sql.ast.JsonFieldRef;
import io.oort.engine.sql.ast.LikePattern;
import io.oort.engine.sql.ast.Literal;
import io.oort.engine.sql.ast.MetaRef;
import io.oort.engine.sql.ast.ParenExpr;
import io.oort.engine.sql.ast.SliceExpr;
import io.oort.engine.sql.ast.TimeUnitLiteral;
import io.oort.engine.sql.ast.UnaryExpr;
import io.oort.engine.sql.ast.ValueSetExpr;
import io.oort.engine.sql.ast.Wildcard;
import io.oort.engine.sql.ast.Window;
import io.oort.engine.sql.function.FunctionDef;
import io.oort.engine.sql.function.FunctionKind;
import io.oort.engine.sql.function.SpecializedScalar;
import io.oort.engine.sql.value.EvalException;
import io.oort.engine.sql.value.Ops;

/**
 * Turns a bound expression tree (after the analyzer) into {@link Evaluator}s: columns become slot reads, aliases
 * are inlined, aggregate and analytic calls become reads of their precomputed slots, literal-only arithmetic is
 * folded, and comparisons against numeric constants get a fast path.
 */
public final class ExprCompiler {

    /** What the compiler needs to know about the query being compiled. */
    public interface Env {
        int sourceCount();

        /** Slot of an aggregate call in the group's results, or null if the call is not an aggregate slot. */
        Integer aggregateSlot(Call call);

        /** Slot of an analytic call in the row's analytic results, or null. */
        Integer analyticSlot(Call call);
    }

    /** Source index that marks an unqualified column of a multi-source schemaless row (first source having it). */
    public static final int ANY_SOURCE = -2;

    private final Env env;
    private final Map<Field, Boolean> inlining = new IdentityHashMap<>();

    public ExprCompiler(Env env) {
        this.env = env;
    }

    public List<Evaluator> compileAll(List<? extends Expr> exprs) {
        List<Evaluator> out = new ArrayList<>(exprs.size());
        for (Expr e : exprs) {
            out.add(compile(e));
        }
        return out;
    }

    public Evaluator compile(Expr e) {
        if (e instanceof Literal l) {
            return new Leaves.Const(l.value());
        }
        if (e instanceof FieldRef f) {
            return field(f);
        }
        if (e instanceof MetaRef m) {
            return "*".equals(m.name()) ? new Leaves.MetaAll() : new Leaves.Meta(m.sourceIndex(), m.name());
        }
        if (e instanceof Wildcard w) {
            List<String> names = new ArrayList<>();
            List<Evaluator> values = new ArrayList<>();
            for (Field rf : w.replace()) {
                names.add(rf.outputName());
                values.add(compile(rf.expr()));
            }
            return new Leaves.Wildcard(-1, w.except(), names, values);
        }
        if (e instanceof ParenExpr p) {
            return compile(p.expr());
        }
        if (e instanceof ColFuncField cf) {
            return compile(cf.expr());
        }
        if (e instanceof UnaryExpr u) {
            Evaluator inner = compile(u.expr());
            return fold(u.op() == UnaryExpr.Op.NOT ? new Operators.Not(inner) : new Operators.Neg(inner), inner);
        }
        if (e instanceof BinaryExpr b) {
            return binary(b);
        }
        if (e instanceof CaseExpr c) {
            int n = c.whens().size();
            Evaluator[] whens = new Evaluator[n];
            Evaluator[] results = new Evaluator[n];
            for (int i = 0; i < n; i++) {
                whens[i] = compile(c.whens().get(i).condition());
                results[i] = compile(c.whens().get(i).result());
            }
            return new Predicates.Case(c.value() == null ? null : compile(c.value()), whens, results,
                    c.otherwise() == null ? null : compile(c.otherwise()));
        }
        if (e instanceof Call call) {
            return call(call);
        }
        if (e instanceof TimeUnitLiteral t) {
            return new Leaves.Const(t.unit().name().toLowerCase());
        }
        if (e instanceof Window) {
            throw new EvalException("window functions can only be used in GROUP BY");
        }
        if (e instanceof JsonFieldRef j) {
            throw new EvalException("unexpected field reference " + j.name());
        }
        throw new EvalException("unsupported expression " + e);
    }

    private Evaluator field(FieldRef f) {
        if (f.aliasOf() != null) {
            Field target = f.aliasOf();
            if (inlining.put(target, Boolean.TRUE) != null) {
                throw new EvalException("select fields have cycled alias");
            }
            try {
                return compile(target.expr());
            } finally {
                inlining.remove(target);
            }
        }
        if (f.isWildcard()) {
            return new Leaves.Wildcard(f.sourceIndex(), List.of(), List.of(), List.of());
        }
        if (f.isPath()) {
            return new Access.Arrow(column(f.sourceIndex(), f.slot(), f.stream()), f.name());
        }
        return column(f.sourceIndex(), f.slot(), f.name());
    }

    private Evaluator column(int source, int slot, String name) {
        if (source == ANY_SOURCE) {
            return new Leaves.AnyColumn(name);
        }
        if (env.sourceCount() == 1 && source == 0 && slot >= 0) {
            return new Leaves.Slot0(slot);
        }
        return new Leaves.Column(Math.max(0, source), slot, name);
    }

    /** Compiles the arguments of a call (aggregate and analytic bodies get them evaluated per row). */
    public Evaluator[] args(Call call) {
        Evaluator[] out = new Evaluator[call.args().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = compile(call.args().get(i));
        }
        return out;
    }

    /** The whole row as a map ({@code *}), as aggregate functions over rows receive it. */
    public static Evaluator rowMap() {
        return new Leaves.Wildcard(-1, List.of(), List.of(), List.of());
    }

    private Evaluator binary(BinaryExpr b) {
        BinaryOp op = b.op();
        Evaluator l = compile(b.lhs());
        switch (op) {
            case ARROW: {
                if (!(b.rhs() instanceof JsonFieldRef j)) {
                    throw new EvalException("the right expression is not a field reference node");
                }
                return new Access.Arrow(l, j.name());
            }
            case SUBSET: {
                if (b.rhs() instanceof IndexExpr ix) {
                    return new Access.Index(l, compile(ix.index()));
                }
                SliceExpr s = (SliceExpr) b.rhs();
                return new Access.Slice(l, compile(s.start()), s.end() == null ? null : compile(s.end()));
            }
            case IN:
            case NOT_IN: {
                ValueSetExpr v = (ValueSetExpr) b.rhs();
                return new Predicates.In(l, v.values() == null ? null : compileAll(v.values()),
                        v.array() == null ? null : compile(v.array()), op == BinaryOp.NOT_IN);
            }
            case BETWEEN:
            case NOT_BETWEEN: {
                BetweenExpr be = (BetweenExpr) b.rhs();
                return new Predicates.Between(l, compile(be.lower()), compile(be.higher()),
                        op == BinaryOp.NOT_BETWEEN);
            }
            case LIKE:
            case NOT_LIKE: {
                LikePattern lp = (LikePattern) b.rhs();
                return new Predicates.Like(l, lp.compiled(), lp.compiled() == null ? compile(lp.expr()) : null,
                        op == BinaryOp.NOT_LIKE);
            }
            case AND:
                return new Operators.And(l, compile(b.rhs()));
            case OR:
                return new Operators.Or(l, compile(b.rhs()));
            default:
                break;
        }
        Evaluator r = compile(b.rhs());
        if (op.isComparison() && r instanceof Leaves.Const k && (k.value instanceof Long || k.value instanceof Double)
                && !l.isConstant()) {
            return Operators.CompareConst.of(op, l, k.value);
        }
        return fold(new Operators.Binary(op, l, r), l, r);
    }

    /** Evaluates constant-only operators once; keeps them when evaluation fails so the error happens per row. */
    private static Evaluator fold(Evaluator e, Evaluator... inputs) {
        for (Evaluator in : inputs) {
            if (!in.isConstant()) {
                return e;
            }
        }
        try {
            return new Leaves.Const(e.eval(null));
        } catch (EvalException | NullPointerException ex) {
            return e;
        }
    }

    private Evaluator call(Call call) {
        Integer a = env.analyticSlot(call);
        if (a != null) {
            return new Leaves.AnalyticRef(a);
        }
        Integer g = env.aggregateSlot(call);
        if (g != null) {
            return new Leaves.AggRef(g);
        }
        FunctionDef def = (FunctionDef) call.function();
        if (def == null) {
            throw new EvalException("function " + call.name() + " not found");
        }
        if (def.kind() == FunctionKind.WINDOW && def.scalar() == null) {
            Leaves.WindowValue.Kind k = switch (def.name()) {
                case "window_start" -> Leaves.WindowValue.Kind.START;
                case "window_end" -> Leaves.WindowValue.Kind.END;
                case "row_number" -> Leaves.WindowValue.Kind.ROW_NUMBER;
                default -> Leaves.WindowValue.Kind.EVENT_TIME;
            };
            return new Leaves.WindowValue(k);
        }
        if (def.scalar() == null) {
            throw new EvalException("function " + call.name() + " cannot be evaluated here");
        }
        Evaluator[] args = args(call);
        if (def.scalar() instanceof SpecializedScalar s) {
            Evaluator fast = Calls.specialized(s.specialize(call.args()), args);
            if (fast != null) {
                return fast;
            }
        }
        if (args.length == 1) {
            return new Calls.Scalar1(def.scalar(), args[0]);
        }
        return new Calls.Scalar(def.name(), def.scalar(), args);
    }

    /** A compiled constant (for tests and planners). */
    public static Evaluator constant(Object v) {
        return new Leaves.Const(v);
    }

    /** Whether the evaluator always yields the same value; {@link #constantValue} gives it. */
    public static Object constantValue(Evaluator e) {
        return e instanceof Leaves.Const c ? c.value : null;
    }

    /** Equality check usable by planners (IN lists, lookup keys). */
    public static boolean equal(Object a, Object b) {
        return Ops.eq(a, b);
    }
}
