package io.oort.engine.sql.function.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.oort.engine.sql.function.ArgValidator;
import io.oort.engine.sql.function.Args;
import io.oort.engine.sql.function.FnContext;
import io.oort.engine.sql.function.FunctionDef;
import io.oort.engine.sql.function.FunctionRegistry;
import io.oort.engine.sql.value.EvalException;
import io.oort.engine.sql.value.GoFormat;

/**
 * JSON functions (eKuiper's {@code funcs_misc.go}): {@code to_json}, {@code parse_json} and the JSONPath queries
 * {@code json_path_query}, {@code json_path_query_first} and {@code json_path_exists}. The path must be a string
 * literal; it is compiled once and cached.
 */
public final class JsonFunctions {

    private JsonFunctions() {
    }

    /** eKuiper's ValidateJsonFunc: two arguments, the second a string literal. */
    private static final ArgValidator JSON_PATH = args -> {
        String e = Args.len(2, args);
        if (e != null) {
            return e;
        }
        return Args.isStringArg(args.get(1)) ? null : Args.typeError(1, "string");
    };

    public static void register(FunctionRegistry r) {
        r.register(FunctionDef.scalar("to_json", Args.ONE_ARG, (ctx, args) -> {
            if (DateTimeFunctions.anyNull(args)) {
                return null;
            }
            try {
                return JsonCodec.write(args[0], ctx.zone());
            } catch (EvalException e) {
                throw new EvalException("fail to convert " + ArrayValues.sprint(args[0], ctx.zone()) + " to json");
            }
        }));

        r.register(FunctionDef.scalar("parse_json", Args.ONE_STRING, (ctx, args) -> {
            Object a = args[0];
            if (a == null || "null".equals(a)) {
                return null;
            }
            String text;
            if (a instanceof String s) {
                text = s;
            } else if (a instanceof byte[] b) {
                text = new String(b, java.nio.charset.StandardCharsets.UTF_8);
            } else {
                throw new EvalException("fail to convert " + GoFormat.v(a) + " to string");
            }
            try {
                return JsonCodec.parse(text);
            } catch (EvalException e) {
                throw new EvalException("fail to parse json: " + e.getMessage());
            }
        }));

        r.register(FunctionDef.scalar("json_path_query", JSON_PATH, JsonFunctions::query));

        r.register(FunctionDef.scalar("json_path_query_first", JSON_PATH, (ctx, args) -> {
            Object result = query(ctx, args);
            if (result instanceof List<?> l) {
                if (l.isEmpty()) {
                    // eKuiper indexes the empty result and panics
                    throw new EvalException("runtime error: index out of range [0] with length 0");
                }
                return l.get(0);
            }
            throw new EvalException("query result (" + ArrayValues.sprint(result, ctx.zone()) + ") is not an array");
        }));

        r.register(FunctionDef.scalar("json_path_exists", JSON_PATH, (ctx, args) -> {
            Object result;
            try {
                result = query(ctx, args);
            } catch (EvalException e) {
                return false;
            }
            if (result == null) {
                return false;
            }
            if (result instanceof List<?> l) {
                return !l.isEmpty();
            }
            if (result instanceof byte[] b) {
                return b.length > 0;
            }
            return true;
        }));
    }

    /** eKuiper's jsonCall: the path applied to a map, a list or a JSON string. */
    private static Object query(FnContext ctx, Object[] args) {
        if (!(args[1] instanceof String path)) {
            throw new EvalException("invalid jsonPath, must be a string but got " + GoFormat.v(args[1]));
        }
        JsonPath compiled = JsonPath.compile(path);
        return compiled.evaluate(document(args[0]));
    }

    private static Object document(Object data) {
        if (data instanceof Map || data instanceof List) {
            return data;
        }
        if (data instanceof String s) {
            try {
                return JsonCodec.parse(s);
            } catch (EvalException e) {
                throw new EvalException("data '" + s + "' is not a valid json string");
            }
        }
        if (data instanceof byte[] b) {
            List<Object> bytes = new ArrayList<>(b.length);
            for (byte x : b) {
                bytes.add((long) (x & 0xff));
            }
            return bytes;
        }
        if (data == null) {
            throw new EvalException("invalid data nil for jsonpath");
        }
        throw new EvalException("invalid data " + GoFormat.v(data) + " for jsonpath");
    }
}
