package io.oort.engine.core.internal.template;

import static io.oort.engine.core.internal.template.Func.Arg.INT;
import static io.oort.engine.core.internal.template.Func.Arg.STRING;

import io.oort.engine.core.internal.template.Func.FuncError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Sprig's regex functions on java.util.regex (RE2 syntax is mostly a subset; {@code (?P<n>)}
 * groups are translated). Replacement templates follow Go's {@code $1}/{@code ${name}} rules.
 */
final class SprigRegex {

    private SprigRegex() {
    }

    static void register(Map<String, Func> m) {
        put(m, Func.of("regexMatch", a -> {
            try {
                return compile(s(a[0]), true).matcher(s(a[1])).find();
            } catch (FuncError e) {
                return false;
            }
        }, STRING, STRING));
        put(m, Func.of("mustRegexMatch", a -> compile(s(a[0]), true).matcher(s(a[1])).find(), STRING, STRING));
        both(m, "regexFindAll", must -> a -> {
            Matcher mt = compile(s(a[0]), must).matcher(s(a[1]));
            int n = ((Number) a[2]).intValue();
            List<Object> r = new ArrayList<>();
            int prevEnd = -1;
            while ((n < 0 || r.size() < n) && mt.find()) {
                if (mt.start() == mt.end() && mt.start() == prevEnd) {
                    continue;
                }
                r.add(mt.group());
                prevEnd = mt.end();
            }
            return r;
        }, STRING, STRING, INT);
        both(m, "regexFind", must -> a -> {
            Matcher mt = compile(s(a[0]), must).matcher(s(a[1]));
            return mt.find() ? mt.group() : "";
        }, STRING, STRING);
        both(m, "regexReplaceAll", must -> a -> replace(compile(s(a[0]), must), s(a[1]), s(a[2]), false), STRING, STRING, STRING);
        both(m, "regexReplaceAllLiteral", must -> a -> replace(compile(s(a[0]), must), s(a[1]), s(a[2]), true),
                STRING, STRING, STRING);
        both(m, "regexSplit", must -> a -> split(compile(s(a[0]), must), s(a[1]), ((Number) a[2]).intValue()), STRING, STRING, INT);
        put(m, Func.of("regexQuoteMeta", a -> quoteMeta(s(a[0])), STRING));
    }

    private static void put(Map<String, Func> m, Func f) {
        m.put(f.name, f);
    }

    private static void both(Map<String, Func> m, String name, java.util.function.Function<Boolean, Func.Impl> impl,
            Func.Arg... params) {
        put(m, Func.of(name, impl.apply(false), params));
        String must = "must" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        put(m, Func.of(must, impl.apply(true), params));
    }

    private static String s(Object o) {
        return (String) o;
    }

    /** regexp.Compile (must: plain error) or regexp.MustCompile (panic text). */
    static Pattern compile(String expr, boolean must) {
        try {
            return Pattern.compile(expr.replace("(?P<", "(?<"));
        } catch (PatternSyntaxException e) {
            String d = e.getDescription();
            String msg = switch (d) {
                case "Unclosed group" -> "missing closing ): `" + expr + "`";
                case "Unclosed character class" -> "missing closing ]: `" + expr.substring(Math.max(0, expr.lastIndexOf('['))) + "`";
                case "Unmatched closing ')'" -> "unexpected ): `" + expr + "`";
                default -> d.startsWith("Dangling meta character")
                        ? "missing argument to repetition operator: `" + d.charAt(d.length() - 2) + "`" : d;
            };
            msg = "error parsing regexp: " + msg;
            throw new FuncError(must ? msg : "regexp: Compile(" + "`" + expr + "`" + "): " + msg);
        }
    }

    private static String replace(Pattern p, String s, String repl, boolean literal) {
        Matcher m = p.matcher(s);
        StringBuilder sb = new StringBuilder();
        int last = 0;
        int prevEnd = -1;
        while (m.find()) {
            if (m.start() == m.end() && m.start() == prevEnd) {
                continue;
            }
            sb.append(s, last, m.start());
            if (literal) {
                sb.append(repl);
            } else {
                expand(sb, repl, m);
            }
            last = m.end();
            prevEnd = m.end();
        }
        sb.append(s, last, s.length());
        return sb.toString();
    }

    /** Go's Regexp.Expand: $name / ${name}, where a name is the longest run of word characters. */
    private static void expand(StringBuilder sb, String t, Matcher m) {
        int i = 0;
        while (i < t.length()) {
            int d = t.indexOf('$', i);
            if (d < 0) {
                sb.append(t, i, t.length());
                return;
            }
            sb.append(t, i, d);
            i = d;
            if (i + 1 < t.length() && t.charAt(i + 1) == '$') {
                sb.append('$');
                i += 2;
                continue;
            }
            int j = i + 1;
            boolean brace = j < t.length() && t.charAt(j) == '{';
            if (brace) {
                j++;
            }
            int k = j;
            while (k < t.length() && (t.charAt(k) == '_' || Character.isLetterOrDigit(t.charAt(k)))) {
                k++;
            }
            if (k == j || (brace && (k >= t.length() || t.charAt(k) != '}'))) {
                sb.append('$');
                i++;
                continue;
            }
            String name = t.substring(j, k);
            i = brace ? k + 1 : k;
            String g = null;
            if (name.chars().allMatch(Character::isDigit) && !(name.length() > 1 && name.charAt(0) == '0')
                    && name.length() < 9) {
                int num = Integer.parseInt(name);
                if (num <= m.groupCount()) {
                    g = m.group(num);
                }
            } else {
                try {
                    g = m.group(name);
                } catch (IllegalArgumentException e) {
                    g = null;
                }
            }
            if (g != null) {
                sb.append(g);
            }
        }
    }

    private static List<Object> split(Pattern p, String s, int n) {
        List<Object> out = new ArrayList<>();
        if (n == 0) {
            return out;
        }
        if (!p.pattern().isEmpty() && s.isEmpty()) {
            out.add("");
            return out;
        }
        Matcher m = p.matcher(s);
        int beg = 0;
        int end = 0;
        int found = 0;
        int prevEnd = -1;
        while (m.find()) {
            if (m.start() == m.end() && m.start() == prevEnd) {
                continue;
            }
            prevEnd = m.end();
            if (n > 0 && (found >= n || out.size() == n - 1)) {
                break;
            }
            found++;
            end = m.start();
            if (m.end() != 0) {
                out.add(s.substring(beg, end));
            }
            beg = m.end();
        }
        if (end != s.length()) {
            out.add(s.substring(beg));
        }
        return out;
    }

    private static String quoteMeta(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
