package io.oort.engine.sql.function.builtin;

import static io.oort.engine.sql.function.builtin.MiscSupport.anyNil;
import static io.oort.engine.sql.function.builtin.MiscSupport.callError;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.oort.engine.sql.ast.BinaryExpr;
import io.oort.engine.sql.ast.BinaryOp;
import io.oort.engine.sql.ast.Expr;
import io.oort.engine.sql.ast.Literal;
import io.oort.engine.sql.ast.MetaRef;
import io.oort.engine.sql.function.Args;
import io.oort.engine.sql.function.FunctionDef;
import io.oort.engine.sql.function.FunctionRegistry;
import io.oort.engine.sql.value.EvalException;

/**
 * Other functions (eKuiper internal/binder/function/funcs_misc.go): isnull, coalesce, newuuid, tstamp, rule_id,
 * rule_start, meta, mqtt, props, bypass, get_keyed_state, delay.
 *
 * <p>meta(key) and mqtt(key): the expression compiler evaluates the MetaRef argument to the metadata value itself,
 * so these return their argument. delay(ms, v) sleeps the calling thread as eKuiper blocks its operator goroutine.
 * get_keyed_state reads the store installed with {@link MiscKeyedState#install}; props the values of
 * {@link MiscProps}.
 */
public final class MiscFunctions {

    private MiscFunctions() {
    }

    private static final Set<String> KEYED_TYPES = Set.of("bigint", "float", "string", "boolean", "datetime");

    public static void register(FunctionRegistry r) {
        r.register(FunctionDef.scalar("isnull", Args.ONE_ARG, (ctx, a) -> a[0] == null));
        r.register(FunctionDef.scalar("coalesce", MiscFunctions::validateCoalesce, (ctx, a) -> {
            for (Object o : a) {
                if (o != null) {
                    return o;
                }
            }
            return null;
        }));
        r.register(FunctionDef.scalar("newuuid", Args.NO_ARG, (ctx, a) -> MiscUuid.next()));
        r.register(FunctionDef.scalar("tstamp", Args.NO_ARG, (ctx, a) -> ctx.nowMillis()));
        r.register(FunctionDef.scalar("rule_id", Args.NO_ARG, (ctx, a) -> ctx.ruleId()));
        r.register(FunctionDef.scalar("rule_start", Args.NO_ARG, (ctx, a) -> ctx.ruleStartMillis()));
        r.register(FunctionDef.scalar("meta", MiscFunctions::validateMeta, (ctx, a) -> a[0]));
        r.register(FunctionDef.scalar("mqtt", MiscFunctions::validateMqtt, (ctx, a) -> {
            if (anyNil(a)) {
                return null;
            }
            if (a[0] instanceof String s) {
                return s;
            }
            throw callError("mqtt", "<nil>");
        }));
        r.register(FunctionDef.scalar("props", Args.ONE_STRING, (ctx, a) -> {
            if (anyNil(a)) {
                return null;
            }
            if (!(a[0] instanceof String key)) {
                throw callError("props", "invalid input " + MiscSupport.v(a[0])
                        + ": must be property name of string type");
            }
            String v = MiscProps.get(key, ctx.nowMillis());
            if (v == null) {
                // eKuiper returns ("", false) for an unknown property: the call fails with an empty message
                throw callError("props", "");
            }
            return v;
        }));
        r.register(FunctionDef.scalar("bypass", args -> null, (ctx, a) -> a.length == 0 ? null : a[0]));
        r.register(FunctionDef.scalar("get_keyed_state", MiscFunctions::validateKeyedState, (ctx, a) -> {
            if (a.length != 3) {
                throw callError("get_keyed_state", "the args must be two or three");
            }
            if (!(a[0] instanceof String key)) {
                throw callError("get_keyed_state", "key " + MiscSupport.v(a[0]) + " is not a string");
            }
            Object value = MiscKeyedState.get(key);
            if (value == null) {
                return a[2];
            }
            return ConversionFunctions.toType(ctx, "get_keyed_state", value, a[1]);
        }));
        r.register(FunctionDef.scalar("delay", MiscFunctions::validateDelay, (ctx, a) -> {
            if (anyNil(a)) {
                return null;
            }
            long ms;
            try {
                ms = MiscSupport.toIntSameKind(a[0]);
            } catch (EvalException e) {
                throw callError("delay", e.getMessage());
            }
            if (ms > 0) {
                try {
                    Thread.sleep(ms);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return a[1];
        }));
    }

    private static String validateCoalesce(List<Expr> args) {
        return args.isEmpty() ? "The arguments should be at least one." : null;
    }

    private static String validateMeta(List<Expr> args) {
        String e = Args.len(1, args);
        if (e != null) {
            return e;
        }
        Expr x = args.get(0);
        if (x instanceof MetaRef) {
            return null;
        }
        while (x instanceof BinaryExpr b) {
            if (b.lhs() instanceof MetaRef && b.op() == BinaryOp.ARROW) {
                return null;
            }
            x = b.lhs();
        }
        return Args.typeError(0, "meta reference");
    }

    private static String validateMqtt(List<Expr> args) {
        String e = Args.len(1, args);
        if (e != null) {
            return e;
        }
        Expr x = args.get(0);
        if (x instanceof Literal || Args.isTimeArg(x) || Args.isBooleanArg(x)) {
            return Args.typeError(0, "meta reference");
        }
        if (x instanceof MetaRef m) {
            String name = m.name().toLowerCase(Locale.ROOT);
            if (!name.equals("topic") && !name.equals("messageid")) {
                return "Parameter of mqtt function can be only topic or messageid.";
            }
        }
        return null;
    }

    private static String validateKeyedState(List<Expr> args) {
        String e = Args.len(3, args);
        if (e != null) {
            return e;
        }
        Expr t = args.get(1);
        if (Args.notString(t)) {
            // sic: eKuiper names parameter 1
            return Args.typeError(0, "string");
        }
        if (t instanceof Literal l && l.value() instanceof String s && !KEYED_TYPES.contains(s)) {
            return "expect one of following value for the 2nd parameter: bigint, float, string, boolean, datetime";
        }
        return null;
    }

    private static String validateDelay(List<Expr> args) {
        String e = Args.len(2, args);
        if (e != null) {
            return e;
        }
        return Args.notNumber(args.get(0)) ? Args.typeError(0, "number - float or int") : null;
    }
}
