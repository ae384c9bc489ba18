package io.oort.engine.sql.function.builtin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.oort.engine.sql.value.EvalException;
import io.oort.engine.sql.value.GoFormat;

/**
 * A compiled JSONPath expression with the semantics eKuiper gets from PaesslerAG/jsonpath on the gval "full"
 * language: {@code $} and {@code @} paths with {@code .key}, {@code ["key"]}, {@code [0]}, {@code [*]}, {@code ..},
 * {@code [a,b]}, {@code [start:end:step]}, filters {@code [?(@.x > 1)]} / {@code [? @.x>1]} and scripts
 * {@code (expr)}, inside expressions with gval's operators ({@code + - * / % ** == != < <= > >= =~ !~ && || !
 * in ??}, bitwise operators), number, string and boolean constants and array literals.
 * <p>
 * A path without wildcard selectors yields one value and fails on a missing key or index; a path with one yields
 * the list of all matches, silently skipping branches that do not match. Parsing is done once per expression text
 * (see {@link #compile}).
 */
final class JsonPath {

    private static final int CACHE_LIMIT = 256;
    private static final Map<String, Object> CACHE = new ConcurrentHashMap<>();

    private final Node root;

    private JsonPath(Node root) {
        this.root = root;
    }

    /** The compiled expression, cached by its text; a syntax error is an EvalException. */
    static JsonPath compile(String text) {
        Object cached = CACHE.get(text);
        if (cached == null) {
            try {
                cached = new JsonPath(new JsonPathParser(text).parseAll());
            } catch (JsonPathParser.ParseError e) {
                cached = "parsing error: " + text + " - " + e.getMessage();
            }
            if (CACHE.size() >= CACHE_LIMIT) {
                CACHE.clear();
            }
            CACHE.put(text, cached);
        }
        if (cached instanceof String error) {
            throw new EvalException(error);
        }
        return (JsonPath) cached;
    }

    /** Evaluates against a document (engine values); a failed plain selection is an EvalException. */
    Object evaluate(Object document) {
        try {
            return root.eval(new Scope(document, null));
        } catch (Failure e) {
            throw new EvalException(e.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------------------ model

    /** Evaluation failure inside an expression; plain paths report it, wildcard branches skip it. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    /** The document ({@code $}) and the current element ({@code @}). */
    record Scope(Object root, Object current) {
        Scope at(Object v) {
            return new Scope(root, v);
        }
    }

    interface Node {
        Object eval(Scope s) throws Failure;

        default boolean isConst() {
            return false;
        }
    }

    record Const(Object value) implements Node {
        @Override
        public Object eval(Scope s) {
            return value;
        }

        @Override
        public boolean isConst() {
            return true;
        }
    }

    /** A selector yielding exactly one value (or failing). */
    interface Plain {
        Object select(Scope s, Object v) throws Failure;
    }

    /** A selector yielding any number of values. */
    interface Branch {
        void each(Scope s, Object v, Consumer<Object> match);
    }

    /** {@code $...} or {@code @...}: selectors in order, each a {@link Plain} or a {@link Branch}. */
    record PathNode(boolean fromRoot, Object[] selectors, boolean ambiguous) implements Node {
        @Override
        public Object eval(Scope s) throws Failure {
            Object start = fromRoot ? s.root() : s.current();
            if (!ambiguous) {
                Object v = start;
                for (Object sel : selectors) {
                    v = ((Plain) sel).select(s, v);
                }
                return v;
            }
            List<Object> matches = new ArrayList<>();
            visit(s, 0, start, matches);
            return matches;
        }

        private void visit(Scope s, int i, Object v, List<Object> out) {
            if (i == selectors.length) {
                out.add(v);
                return;
            }
            Object sel = selectors[i];
            if (sel instanceof Plain p) {
                Object next;
                try {
                    next = p.select(s, v);
                } catch (Failure e) {
                    return;
                }
                visit(s, i + 1, next, out);
            } else {
                ((Branch) sel).each(s, v, m -> visit(s, i + 1, m, out));
            }
        }
    }

    // ------------------------------------------------------------------------------------------- selectors

    /** {@code .key} and {@code [key]}: a map key or a list index. */
    record Direct(Node key) implements Plain {
        @Override
        public Object select(Scope s, Object v) throws Failure {
            return selectValue(key, s, v);
        }
    }

    static Object selectValue(Node key, Scope s, Object v) throws Failure {
        Scope at = s.at(v);
        if (v instanceof List<?> l) {
            long i;
            try {
                i = evalInt(key, at);
            } catch (Failure e) {
                throw new Failure("could not select value, invalid key: " + e.getMessage());
            }
            if (i < 0 || i >= l.size()) {
                throw new Failure("index " + i + " out of bounds");
            }
            return l.get((int) i);
        }
        if (v instanceof Map<?, ?> m) {
            String k = GoFormat.v(key.eval(at));
            if (m.containsKey(k)) {
                return m.get(k);
            }
            throw new Failure("unknown key " + k);
        }
        throw new Failure("unsupported value type " + GoFormat.type(v)
                + " for select, expected map[string]interface{} or []interface{}");
    }

    /** {@code (expr)} after a path: the expression with {@code @} bound to the value. */
    record Script(Node expr) implements Plain {
        @Override
        public Object select(Scope s, Object v) throws Failure {
            return expr.eval(s.at(v));
        }
    }

    static void visitAll(Object v, Consumer<Object> visit) {
        if (v instanceof List<?> l) {
            for (Object e : l) {
                visit.accept(e);
            }
        } else if (v instanceof Map<?, ?> m) {
            for (Object e : m.values()) {
                visit.accept(e);
            }
        }
    }

    /** {@code *} and {@code [*]}. */
    record Star() implements Branch {
        @Override
        public void each(Scope s, Object v, Consumer<Object> match) {
            visitAll(v, match);
        }
    }

    /** {@code [a, b, ...]}: each key that selects something. */
    record Multi(Node[] keys) implements Branch {
        @Override
        public void each(Scope s, Object v, Consumer<Object> match) {
            for (Node k : keys) {
                Object e;
                try {
                    e = selectValue(k, s, v);
                } catch (Failure f) {
                    continue;
                }
                match.accept(e);
            }
        }
    }

    /** {@code ..}: the value itself and every value below it, depth first. */
    record Mapper() implements Branch {
        @Override
        public void each(Scope s, Object v, Consumer<Object> match) {
            match.accept(v);
            visitAll(v, child -> each(s, child, match));
        }
    }

    /** {@code [?expr]}: the elements for which the expression is true. */
    record Filter(Node condition) implements Branch {
        @Override
        public void each(Scope s, Object v, Consumer<Object> match) {
            visitAll(v, child -> {
                Boolean ok;
                try {
                    ok = toBool(condition.eval(s.at(child)));
                } catch (Failure f) {
                    return;
                }
                if (Boolean.TRUE.equals(ok)) {
                    match.accept(child);
                }
            });
        }
    }

    /** {@code [min:max:step]} on a list; a negative bound counts from the end. */
    record Range(Node min, Node max, Node step) implements Branch {
        @Override
        public void each(Scope s, Object v, Consumer<Object> match) {
            if (!(v instanceof List<?> l)) {
                return;
            }
            Scope at = s.at(v);
            long lo;
            long hi;
            long st;
            try {
                lo = evalInt(min, at);
                hi = evalInt(max, at);
                st = evalInt(step, at);
            } catch (Failure f) {
                return;
            }
            // as PaesslerAG/jsonpath 0.1.1: bounds are compared before negative ones are resolved
            if (lo > hi) {
                return;
            }
            int n = l.size();
            lo = negmax(lo, n);
            hi = negmax(hi, n);
            if (st == 0) {
                st = 1;
            }
            if (st > 0) {
                for (long i = lo; i < hi; i += st) {
                    match.accept(l.get((int) i));
                }
            } else {
                for (long i = hi - 1; i >= lo; i += st) {
                    match.accept(l.get((int) i));
                }
            }
        }

        private static long negmax(long n, int max) {
            if (n < 0) {
                n = max + n;
                return Math.max(n, 0);
            }
            return Math.min(n, max);
        }
    }

    // --------------------------------------------------------------------------------------- expressions

    /** A gval variable: {@code a.b[c]} looked up in the document. */
    record Variable(Node[] keys) implements Node {
        @Override
        public Object eval(Scope s) throws Failure {
            Object v = s.root();
            String[] names = new String[keys.length];
            for (int i = 0; i < keys.length; i++) {
                names[i] = GoFormat.v(keys[i].eval(s));
            }
            for (int i = 0; i < names.length; i++) {
                String k = names[i];
                if (v instanceof Map<?, ?> m) {
                    v = m.get(k);
                    continue;
                }
                if (v instanceof List<?> l) {
                    try {
                        int idx = Integer.parseInt(k);
                        if (idx >= 0 && idx < l.size()) {
                            v = l.get(idx);
                            continue;
                        }
                    } catch (NumberFormatException e) {
                        // falls through to the error
                    }
                }
                throw new Failure("unknown parameter " + String.join(".", Arrays.copyOf(names, i + 1)));
            }
            return v;
        }
    }

    record ArrayLiteral(Node[] elements) implements Node {
        @Override
        public Object eval(Scope s) throws Failure {
            List<Object> out = new ArrayList<>(elements.length);
            for (Node e : elements) {
                out.add(e.eval(s));
            }
            return out;
        }
    }

    record Unary(char op, Node operand) implements Node {
        @Override
        public Object eval(Scope s) throws Failure {
            Object v = operand.eval(s);
            if (op == '!') {
                Boolean b = toBool(v);
                if (b == null) {
                    throw new Failure("unexpected " + GoFormat.type(v) + " expected bool");
                }
                return !b;
            }
            Double d = toFloat(v);
            if (d == null) {
                throw new Failure(op == '-' ? "unexpected " + GoFormat.v(v) + "(" + GoFormat.type(v)
                        + ") expected number" : "unexpected " + GoFormat.type(v) + " expected number");
            }
            return op == '-' ? -d : (double) ~(long) d.doubleValue();
        }
    }

    record Binary(String op, Node left, Node right, Pattern regex) implements Node {
        @Override
        public Object eval(Scope s) throws Failure {
            Object a = left.eval(s);
            switch (op) {
                case "&&":
                    if (Boolean.FALSE.equals(a)) {
                        return false;
                    }
                    break;
                case "||":
                    if (Boolean.TRUE.equals(a)) {
                        return true;
                    }
                    break;
                case "??":
                    if (!isZero(a)) {
                        return a;
                    }
                    return right.eval(s);
                case "=~", "!~": {
                    String text = GoFormat.v(a);
                    Pattern p = regex;
                    if (p == null) {
                        String src = GoFormat.v(right.eval(s));
                        try {
                            p = Pattern.compile(src);
                        } catch (PatternSyntaxException e) {
                            throw new Failure("error parsing regexp: " + e.getDescription());
                        }
                    }
                    boolean found;
                    try {
                        found = p.matcher(StrRegex.budgeted(text)).find();
                    } catch (StrRegex.TooExpensive e) {
                        // not a Failure: a filter would take that for "no match"
                        throw new EvalException(e.getMessage());
                    }
                    return op.equals("=~") == found;
                }
                default:
                    break;
            }
            Object b = right.eval(s);
            return JsonPathOps.apply(op, a, b);
        }
    }

    // ------------------------------------------------------------------------------------ gval conversions

    /** gval's convertToFloat: numbers, and strings Go's ParseFloat reads. */
    static Double toFloat(Object o) {
        if (o instanceof Double d) {
            return d;
        }
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        if (o instanceof String str) {
            return parseFloat(str);
        }
        return null;
    }

    static Double parseFloat(String s) {
        if (s.isEmpty() || !s.strip().equals(s)) {
            return null;
        }
        String l = s.toLowerCase();
        String u = l.startsWith("+") || l.startsWith("-") ? l.substring(1) : l;
        if (u.equals("inf") || u.equals("infinity")) {
            return l.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (u.equals("nan")) {
            return Double.NaN;
        }
        char last = l.charAt(l.length() - 1);
        if (last == 'd' || last == 'f' || u.startsWith("0x") || !u.isEmpty() && !Character.isDigit(u.charAt(0))
                && u.charAt(0) != '.') {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** gval's convertToBool: booleans, null, "true"/"TRUE"/"false"/"FALSE", numbers (zero is false). */
    static Boolean toBool(Object o) {
        if (o instanceof Boolean b) {
            return b;
        }
        if (o == null || "false".equals(o) || "FALSE".equals(o)) {
            return false;
        }
        if ("true".equals(o) || "TRUE".equals(o)) {
            return true;
        }
        Double d = toFloat(o);
        return d == null ? null : d != 0;
    }

    /** Go's reflect.Value.IsZero for engine values. */
    static boolean isZero(Object a) {
        if (a == null) {
            return true;
        }
        if (a instanceof Number n) {
            return n.doubleValue() == 0 && !(a instanceof Double d && Double.doubleToRawLongBits(d) != 0);
        }
        if (a instanceof String str) {
            return str.isEmpty();
        }
        if (a instanceof Boolean b) {
            return !b;
        }
        return false;
    }

    static long evalInt(Node n, Scope s) throws Failure {
        Object v = n.eval(s);
        Double d = toFloat(v);
        if (d == null) {
            throw new Failure("expected number but got " + GoFormat.v(v) + " (" + GoFormat.type(v) + ")");
        }
        return (long) d.doubleValue();
    }

    /** Go's reflect.DeepEqual for engine values. */
    static boolean deepEqual(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!deepEqual(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !deepEqual(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        return a.getClass() == b.getClass() && Objects.equals(a, b);
    }
}
