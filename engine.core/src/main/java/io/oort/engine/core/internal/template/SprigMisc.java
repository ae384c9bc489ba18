package io.oort.engine.core.internal.template;

import static io.oort.engine.core.internal.template.Func.Arg.ANY;
import static io.oort.engine.core.internal.template.Func.Arg.BOOL;
import static io.oort.engine.core.internal.template.Func.Arg.INT;
import static io.oort.engine.core.internal.template.Func.Arg.STRING;

import io.oort.engine.core.internal.template.Func.FuncError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.Adler32;

/** Sprig's defaults, JSON, type reflection, OS/path, encoding, hashing and random functions. */
final class SprigMisc {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SprigMisc() {
    }

    static void register(Map<String, Func> m) {
        put(m, Func.varargs("default", a -> a.length < 2 || GoValues.isEmpty(a[1]) ? a[0] : a[1], ANY, ANY));
        put(m, Func.of("empty", a -> GoValues.isEmpty(a[0]), ANY));
        put(m, Func.varargs("coalesce", a -> {
            for (Object o : a) {
                if (!GoValues.isEmpty(o)) {
                    return o;
                }
            }
            return null;
        }, ANY));
        put(m, Func.varargs("all", a -> {
            for (Object o : a) {
                if (GoValues.isEmpty(o)) {
                    return false;
                }
            }
            return true;
        }, ANY));
        put(m, Func.varargs("any", a -> {
            for (Object o : a) {
                if (!GoValues.isEmpty(o)) {
                    return true;
                }
            }
            return false;
        }, ANY));
        put(m, Func.of("ternary", a -> (Boolean) a[2] ? a[0] : a[1], ANY, ANY, BOOL));
        put(m, Func.of("toJson", a -> json(a[0], true, null, false), ANY));
        put(m, Func.of("mustToJson", a -> json(a[0], true, null, true), ANY));
        put(m, Func.of("toPrettyJson", a -> json(a[0], true, "  ", false), ANY));
        put(m, Func.of("mustToPrettyJson", a -> json(a[0], true, "  ", true), ANY));
        put(m, Func.of("toRawJson", a -> json(a[0], false, null, true), ANY));
        put(m, Func.of("mustToRawJson", a -> json(a[0], false, null, true), ANY));
        put(m, Func.of("fromJson", a -> fromJson((String) a[0], false), STRING));
        put(m, Func.of("mustFromJson", a -> fromJson((String) a[0], true), STRING));
        put(m, Func.of("typeOf", a -> GoValues.typeName(a[0]), ANY));
        put(m, Func.of("typeIs", a -> a[0].equals(GoValues.typeName(a[1])), STRING, ANY));
        put(m, Func.of("typeIsLike", a -> {
            String t = GoValues.typeName(a[1]);
            return a[0].equals(t) || ("*" + a[0]).equals(t);
        }, STRING, ANY));
        put(m, Func.of("kindOf", a -> GoValues.kindName(a[0]), ANY));
        put(m, Func.of("kindIs", a -> a[0].equals(GoValues.kindName(a[1])), STRING, ANY));
        put(m, Func.of("deepEqual", a -> SprigLists.deepEqual(a[0], a[1]), ANY, ANY));
        put(m, Func.of("env", a -> {
            String v = System.getenv((String) a[0]);
            return v == null ? "" : v;
        }, STRING));
        put(m, Func.of("expandenv", a -> expandEnv((String) a[0]), STRING));
        for (String p : new String[] {"", "os"}) {
            put(m, Func.of(name(p, "base"), a -> GoPath.base((String) a[0]), STRING));
            put(m, Func.of(name(p, "dir"), a -> GoPath.dir((String) a[0]), STRING));
            put(m, Func.of(name(p, "clean"), a -> GoPath.clean((String) a[0]), STRING));
            put(m, Func.of(name(p, "ext"), a -> GoPath.ext((String) a[0]), STRING));
            put(m, Func.of(name(p, "isAbs"), a -> ((String) a[0]).startsWith("/"), STRING));
        }
        put(m, Func.of("b64enc", a -> Base64.getEncoder().encodeToString(bytes(a[0])), STRING));
        put(m, Func.of("b64dec", a -> GoBase64.decode((String) a[0]), STRING));
        put(m, Func.of("b32enc", a -> GoBase64.base32Encode(bytes(a[0])), STRING));
        put(m, Func.of("b32dec", a -> GoBase64.base32Decode((String) a[0]), STRING));
        put(m, Func.of("sha1sum", a -> digest("SHA-1", (String) a[0]), STRING));
        put(m, Func.of("sha256sum", a -> digest("SHA-256", (String) a[0]), STRING));
        put(m, Func.of("adler32sum", a -> {
            Adler32 c = new Adler32();
            c.update(bytes(a[0]));
            return Long.toString(c.getValue());
        }, STRING));
        put(m, Func.of("uuidv4", a -> UUID.randomUUID().toString()));
        put(m, Func.of("randAlphaNum", a -> random(a[0], "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"), INT));
        put(m, Func.of("randAlpha", a -> random(a[0], "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"), INT));
        put(m, Func.of("randNumeric", a -> random(a[0], "0123456789"), INT));
        put(m, Func.of("randAscii", a -> random(a[0], ascii()), INT));
        put(m, Func.of("randBytes", a -> {
            int n = ((Number) a[0]).intValue();
            if (n < 0) {
                throw new FuncError("runtime error: makeslice: len out of range");
            }
            byte[] b = new byte[n];
            RANDOM.nextBytes(b);
            return Base64.getEncoder().encodeToString(b);
        }, INT));
        put(m, Func.of("shuffle", a -> {
            List<Integer> cps = new ArrayList<>();
            ((String) a[0]).codePoints().forEach(cps::add);
            Collections.shuffle(cps, RANDOM);
            StringBuilder sb = new StringBuilder();
            cps.forEach(sb::appendCodePoint);
            return sb.toString();
        }, STRING));
        put(m, Func.of("fail", a -> {
            throw new FuncError((String) a[0]);
        }, STRING));
        put(m, Func.of("hello", a -> "Hello!"));
        SprigRegex.register(m);
    }

    private static void put(Map<String, Func> m, Func f) {
        m.put(f.name, f);
    }

    private static String name(String prefix, String n) {
        return prefix.isEmpty() ? n : prefix + Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    private static byte[] bytes(Object s) {
        return ((String) s).getBytes(StandardCharsets.UTF_8);
    }

    private static Object json(Object v, boolean html, String indent, boolean must) {
        try {
            return GoJson.marshal(v, html, indent);
        } catch (GoJson.JsonError e) {
            if (must) {
                throw new FuncError(e.getMessage());
            }
            return "";
        }
    }

    private static Object fromJson(String s, boolean must) {
        try {
            return GoJson.unmarshal(s);
        } catch (GoJson.JsonError e) {
            if (must) {
                throw new FuncError(e.getMessage());
            }
            return null;
        }
    }

    private static String digest(String alg, String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(alg).digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new FuncError(e.getMessage());
        }
    }

    private static String ascii() {
        StringBuilder sb = new StringBuilder();
        for (char c = 32; c < 127; c++) {
            sb.append(c);
        }
        return sb.toString();
    }

    private static String random(Object count, String alphabet) {
        int n = ((Number) count).intValue();
        if (n <= 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** os.ExpandEnv: $NAME and ${NAME}; unset variables expand to "". */
    static String expandEnv(String s) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '$' || i + 1 >= s.length()) {
                sb.append(c);
                i++;
                continue;
            }
            int j = i + 1;
            String name;
            if (s.charAt(j) == '{') {
                int close = s.indexOf('}', j);
                if (close < 0 || close == j + 1) {
                    i = close < 0 ? s.length() : close + 1;
                    continue;
                }
                name = s.substring(j + 1, close);
                i = close + 1;
            } else if ("*#$@!?-".indexOf(s.charAt(j)) >= 0 || Character.isDigit(s.charAt(j))) {
                name = s.substring(j, j + 1);
                i = j + 1;
            } else {
                int k = j;
                while (k < s.length() && (s.charAt(k) == '_' || Character.isLetterOrDigit(s.charAt(k))
                        && s.charAt(k) < 0x80)) {
                    k++;
                }
                if (k == j) {
                    sb.append('$');
                    i = j;
                    continue;
                }
                name = s.substring(j, k);
                i = k;
            }
            String v = System.getenv(name);
            if (v != null) {
                sb.append(v);
            }
        }
        return sb.toString();
    }
}
