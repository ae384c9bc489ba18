package io.oort.engine.core.internal.template;

import static io.oort.engine.core.internal.template.Func.Arg.ANY;
import static io.oort.engine.core.internal.template.Func.Arg.STRING;

import io.oort.engine.core.internal.template.Func.FuncError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/** eKuiper's template functions: json (= toJson), base64 and prop. */
final class EkuiperFuncs {

    private static final Map<String, String> ENV_PROPS = new HashMap<>();
    private static volatile Function<String, String> resolver = k -> null;
    private static final long SNOWFLAKE_EPOCH = 1288834974657L;
    private static final AtomicLong LAST_ID = new AtomicLong();

    static {
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("KUIPER_PROPS_")) {
                ENV_PROPS.put(k.substring("KUIPER_PROPS_".length()).toLowerCase(Locale.ROOT), v);
            }
        });
    }

    private EkuiperFuncs() {
    }

    static void register(Map<String, Func> m) {
        m.put("json", m.get("toJson").named("json"));
        m.put("base64", Func.of("base64", a -> base64(a[0]), ANY));
        m.put("prop", Func.of("prop", a -> prop((String) a[0]), STRING));
    }

    static void setResolver(Function<String, String> r) {
        resolver = r == null ? k -> null : r;
    }

    static String prop(String k) {
        switch (k) {
            case "et":
                return Long.toString(System.currentTimeMillis());
            case "snowflake":
                return Long.toString(snowflake());
            default:
                String v = resolver.apply(k);
                if (v == null) {
                    v = ENV_PROPS.get(k);
                }
                return v == null ? k : v;
        }
    }

    /** A snowflake id (node 1): milliseconds since 2010-11-04, node, sequence. */
    private static long snowflake() {
        while (true) {
            long last = LAST_ID.get();
            long now = (System.currentTimeMillis() - SNOWFLAKE_EPOCH) << 22 | (1L << 12);
            long next = now > last ? now : last + 1;
            if (LAST_ID.compareAndSet(last, next)) {
                return next;
            }
        }
    }

    /** eKuiper's Base64Encode: the value's Go text (or JSON for maps), base64-encoded. */
    static String base64(Object v) {
        if (v == null) {
            throw new FuncError("based64 error for nil");
        }
        String text;
        if (v instanceof Boolean || v instanceof Long || v instanceof Integer || v instanceof String) {
            text = v.toString();
        } else if (v instanceof Double d) {
            text = GoFloat.format(d, 'f', -1);
        } else if (v instanceof Map) {
            try {
                text = GoJson.marshal(v, true, null);
            } catch (GoJson.JsonError e) {
                throw new FuncError(e.getMessage());
            }
        } else {
            throw new FuncError("Unsupported data type " + GoValues.kindName(v) + " for base64 function.");
        }
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
