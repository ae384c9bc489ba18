package io.oort.engine.sql.function.builtin;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Go (RE2) regular expressions on java.util.regex: the pattern is translated so that what RE2 accepts means the
 * same in Java, and what RE2 rejects is rejected with Go's message ({@code error parsing regexp: ...}).
 * Compiled patterns are cached by their text.
 *
 * <p>Translated: {@code .} never matches only {@code \n} (UNIX_LINES); {@code $} without the m flag matches only at
 * the end ({@code \z}); {@code \s} is {@code [\t\n\f\r ]}; {@code \v} is {@code \x0B}; {@code \b}/{@code \B} are
 * ASCII word boundaries; octal escapes; {@code (?P<name>)} and {@code (?<name>)} groups (kept as numbered groups,
 * names resolved here); POSIX classes {@code [[:alpha:]]}; a literal {@code [} or {@code &&} inside a class; a
 * {@code {} that does not start a repetition; {@code \p{Greek}} scripts; case-insensitive matching is Unicode-aware.
 * Rejected as in RE2: backreferences, look-around, atomic groups, possessive quantifiers, unknown escapes, repeat
 * counts above 1000. Not translated: the U (ungreedy) flag.
 */
final class StrRegex {

    /** A compiled Go regexp: the Java pattern and Go's capture group names. */
    record Compiled(Pattern pattern, Map<String, Integer> names) {
    }

    private static final int MAX_CACHE = 512;
    private static final Map<String, Object> CACHE = new ConcurrentHashMap<>();

    private StrRegex() {
    }

    /** The compiled pattern, or throws the Go error text (without the "call func" prefix) as a RegexError. */
    static Compiled compile(String re) {
        Object c = CACHE.get(re);
        if (c == null) {
            try {
                c = doCompile(re);
            } catch (RegexError e) {
                c = e.getMessage();
            }
            if (CACHE.size() >= MAX_CACHE) {
                CACHE.clear();
            }
            CACHE.put(re, c);
        }
        if (c instanceof String msg) {
            throw new RegexError(msg);
        }
        return (Compiled) c;
    }

    /**
     * The least number of character reads one match may make, and the reads allowed per character of the input
     * above that: a linear scan reads each character a few times, a catastrophic backtrack (say {@code (a+)+b} on
     * 40 {@code a}s) billions of times.
     */
    static final long MIN_READS = 10_000_000L;
    static final long READS_PER_CHAR = 1_000L;

    /**
     * The text for a {@link Matcher}, failing the match with {@link TooExpensive} once it has read more than its
     * budget of characters. Go's RE2 matches in linear time; java.util.regex backtracks and can take exponential
     * time on a user's pattern, which would stall the rule's worker thread (and the rules sharing it). No real
     * pattern over a message-sized value comes near the budget (10 M reads take a few tens of milliseconds).
     */
    static CharSequence budgeted(String text) {
        return new Budgeted(text, Math.max(MIN_READS, READS_PER_CHAR * text.length()));
    }

    /** The match was abandoned: see {@link #budgeted}. */
    static final class TooExpensive extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooExpensive(long reads, int length) {
            super("regular expression too expensive to match: more than " + reads + " character reads on a "
                    + length + "-character value (backtracking)", null, false, false);
        }
    }

    private static final class Budgeted implements CharSequence {
        private final String text;
        private final long budget;
        private long left;

        Budgeted(String text, long budget) {
            this.text = text;
            this.budget = budget;
            this.left = budget;
        }

        @Override
        public char charAt(int index) {
            if (--left < 0) {
                throw new TooExpensive(budget, text.length());
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.substring(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A pattern Go would reject. */
    static final class RegexError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RegexError(String msg) {
            super(msg, null, false, false);
        }
    }

    private static RegexError err(String code, String expr) {
        return new RegexError("error parsing regexp: " + code + ": `" + expr + "`");
    }

    private static Compiled doCompile(String re) {
        Map<String, Integer> names = new HashMap<>();
        String java = translate(re, names);
        try {
            Pattern p = Pattern.compile(java, Pattern.UNIX_LINES | Pattern.UNICODE_CASE);
            return new Compiled(p, names);
        } catch (PatternSyntaxException e) {
            String d = e.getDescription();
            String code;
            if (d.startsWith("Unclosed group")) {
                code = "missing closing )";
            } else if (d.startsWith("Unclosed character class")) {
                code = "missing closing ]";
            } else if (d.startsWith("Unmatched closing")) {
                code = "unexpected )";
            } else if (d.startsWith("Dangling meta character")) {
                code = "missing argument to repetition operator";
            } else if (d.startsWith("Illegal character range")) {
                code = "invalid character class range";
            } else {
                code = d;
            }
            throw err(code, re);
        }
    }

    private static boolean hasMultilineFlag(String re) {
        int i = 0;
        while ((i = re.indexOf("(?", i)) >= 0) {
            int j = i + 2;
            while (j < re.length() && Character.isLetter(re.charAt(j)) || j < re.length() && re.charAt(j) == '-') {
                if (re.charAt(j) == 'm') {
                    return true;
                }
                j++;
            }
            i = j;
        }
        return false;
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }

    private static final Map<String, String> POSIX = Map.ofEntries(
            Map.entry("alnum", "\\p{Alnum}"), Map.entry("alpha", "\\p{Alpha}"), Map.entry("ascii", "\\x00-\\x7F"),
            Map.entry("blank", "\\t "), Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("digit", "0-9"),
            Map.entry("graph", "\\p{Graph}"), Map.entry("lower", "a-z"), Map.entry("print", "\\p{Print}"),
            Map.entry("punct", "\\p{Punct}"), Map.entry("space", "\\t\\n\\x0B\\f\\r "),
            Map.entry("upper", "A-Z"), Map.entry("word", "0-9A-Za-z_"), Map.entry("xdigit", "0-9A-Fa-f"));

    private static final String WORD_B = "(?:(?<=[0-9A-Za-z_])(?![0-9A-Za-z_])|(?<![0-9A-Za-z_])(?=[0-9A-Za-z_]))";
    private static final String NOT_WORD_B = "(?:(?<=[0-9A-Za-z_])(?=[0-9A-Za-z_])|(?<![0-9A-Za-z_])(?![0-9A-Za-z_]))";

    /** Translates RE2 syntax to java.util.regex; collects named groups; throws RegexError for what RE2 rejects. */
    static String translate(String re, Map<String, Integer> names) {
        boolean multiline = hasMultilineFlag(re);
        StringBuilder sb = new StringBuilder(re.length() + 16);
        int n = re.length();
        int group = 0;
        boolean inClass = false;
        for (int i = 0; i < n; i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                if (i + 1 >= n) {
                    throw err("trailing backslash at end of expression", "");
                }
                char e = re.charAt(i + 1);
                if (e == 'Q') {
                    int end = re.indexOf("\\E", i + 2);
                    String lit = end < 0 ? re.substring(i + 2) : re.substring(i + 2, end);
                    for (int k = 0; k < lit.length(); k++) {
                        char lc = lit.charAt(k);
                        if (Character.isLetterOrDigit(lc) || lc >= 0x80) {
                            sb.append(lc);
                        } else {
                            sb.append('\\').append(lc);
                        }
                    }
                    i = end < 0 ? n : end + 1;
                    continue;
                }
                if (e >= '0' && e <= '9') {
                    if (e >= '8' || (e != '0' && (i + 2 >= n || !isOctal(re.charAt(i + 2))))) {
                        throw err("invalid escape sequence", "\\" + e);
                    }
                    int v = 0;
                    int k = i + 1;
                    int cnt = 0;
                    while (k < n && cnt < 3 && isOctal(re.charAt(k))) {
                        v = v * 8 + (re.charAt(k) - '0');
                        k++;
                        cnt++;
                    }
                    sb.append("\\x{").append(Integer.toHexString(v)).append('}');
                    i = k - 1;
                    continue;
                }
                if (e < 0x80 && !Character.isLetterOrDigit(e)) {
                    sb.append('\\').append(e);
                    i++;
                    continue;
                }
                switch (e) {
                    case 'a', 'f', 't', 'n', 'r', 'd', 'D', 'w', 'W', 'A', 'z' -> {
                        if (inClass && (e == 'A' || e == 'z')) {
                            throw err("invalid escape sequence", "\\" + e);
                        }
                        sb.append('\\').append(e);
                        i++;
                    }
                    case 'v' -> {
                        sb.append("\\x0B");
                        i++;
                    }
                    case 's' -> {
                        sb.append(inClass ? "\\t\\n\\f\\r " : "[\\t\\n\\f\\r ]");
                        i++;
                    }
                    case 'S' -> {
                        sb.append(inClass ? "\\S" : "[^\\t\\n\\f\\r ]");
                        i++;
                    }
                    case 'b', 'B' -> {
                        if (inClass) {
                            throw err("invalid escape sequence", "\\" + e);
                        }
                        sb.append(e == 'b' ? WORD_B : NOT_WORD_B);
                        i++;
                    }
                    case 'x' -> {
                        // \xHH or \x{H...}: same syntax in Java
                        sb.append("\\x");
                        i++;
                    }
                    case 'p', 'P' -> {
                        i = unicodeClass(re, i, sb);
                    }
                    default -> throw err("invalid escape sequence", "\\" + new String(Character.toChars(
                            re.codePointAt(i + 1))));
                }
                continue;
            }
            if (inClass) {
                if (c == '[') {
                    if (i + 1 < n && re.charAt(i + 1) == ':') {
                        int end = re.indexOf(":]", i + 2);
                        if (end > 0) {
                            String name = re.substring(i + 2, end);
                            boolean neg = name.startsWith("^");
                            String cls = POSIX.get(neg ? name.substring(1) : name);
                            if (cls == null) {
                                throw err("invalid character class range", re.substring(i, end + 2));
                            }
                            sb.append(neg ? "[^" + cls + "]" : cls);
                            i = end + 1;
                            continue;
                        }
                    }
                    sb.append("\\[");
                } else if (c == '&') {
                    sb.append("\\&");
                } else if (c == ']') {
                    inClass = false;
                    sb.append(']');
                } else {
                    sb.append(c);
                }
                continue;
            }
            switch (c) {
                case '[' -> {
                    inClass = true;
                    sb.append('[');
                    if (i + 1 < n && re.charAt(i + 1) == '^') {
                        sb.append('^');
                        i++;
                    }
                    if (i + 1 < n && re.charAt(i + 1) == ']') {
                        // a ']' first in a class is literal
                        sb.append("\\]");
                        i++;
                    }
                }
                case '$' -> sb.append(multiline ? "$" : "\\z");
                case '(' -> {
                    if (i + 1 < n && re.charAt(i + 1) == '?') {
                        int nameStart = -1;
                        if (re.startsWith("(?P<", i)) {
                            nameStart = i + 4;
                        } else if (re.startsWith("(?<", i) && i + 3 < n && re.charAt(i + 3) != '='
                                && re.charAt(i + 3) != '!') {
                            nameStart = i + 3;
                        }
                        if (nameStart >= 0) {
                            int end = re.indexOf('>', nameStart);
                            if (end < 0) {
                                throw err("invalid named capture", re.substring(i));
                            }
                            String name = re.substring(nameStart, end);
                            if (name.isEmpty() || !name.chars().allMatch(ch -> ch < 0x80
                                    && (Character.isLetterOrDigit(ch) || ch == '_'))) {
                                throw err("invalid named capture", re.substring(i, end + 1));
                            }
                            if (names.containsKey(name)) {
                                throw err("duplicate capture group name", re.substring(i, end + 1));
                            }
                            group++;
                            names.put(name, group);
                            sb.append('(');
                            i = end;
                        } else {
                            // flags: (?flags) or (?flags:...) with flags in imsU-
                            int j = i + 2;
                            while (j < n && "imsU-".indexOf(re.charAt(j)) >= 0) {
                                j++;
                            }
                            if (j >= n || (re.charAt(j) != ')' && re.charAt(j) != ':') || j == i + 2
                                    && re.charAt(j) == ')') {
                                throw err("invalid or unsupported Perl syntax", re.substring(i,
                                        Math.min(n, i + 3)));
                            }
                            // Java has no ungreedy flag (its U is something else): U is dropped
                            String flags = re.substring(i + 2, j).replace("U", "");
                            char term = re.charAt(j);
                            if (flags.isEmpty() || flags.equals("-")) {
                                sb.append(term == ':' ? "(?:" : "");
                            } else {
                                sb.append("(?").append(flags).append(term);
                            }
                            i = j;
                        }
                    } else {
                        group++;
                        sb.append('(');
                    }
                }
                case '{' -> {
                    int j = i + 1;
                    int lo = 0;
                    int digitsLo = 0;
                    while (j < n && Character.isDigit(re.charAt(j)) && re.charAt(j) < 0x80) {
                        lo = Math.min(100000, lo * 10 + (re.charAt(j) - '0'));
                        j++;
                        digitsLo++;
                    }
                    boolean valid = false;
                    int hi = lo;
                    if (digitsLo > 0 && j < n) {
                        if (re.charAt(j) == '}') {
                            valid = true;
                        } else if (re.charAt(j) == ',') {
                            j++;
                            hi = -1;
                            int digitsHi = 0;
                            int h = 0;
                            while (j < n && re.charAt(j) >= '0' && re.charAt(j) <= '9') {
                                h = Math.min(100000, h * 10 + (re.charAt(j) - '0'));
                                j++;
                                digitsHi++;
                            }
                            if (j < n && re.charAt(j) == '}') {
                                valid = true;
                                hi = digitsHi > 0 ? h : -1;
                            }
                        }
                    }
                    if (!valid) {
                        sb.append("\\{");
                    } else {
                        if (lo > 1000 || hi > 1000 || (hi >= 0 && hi < lo)) {
                            throw err("invalid repeat count", re.substring(i, j + 1));
                        }
                        sb.append(re, i, j + 1);
                        i = j;
                        checkPossessive(re, i, sb);
                    }
                }
                case '*', '+', '?' -> {
                    sb.append(c);
                    checkPossessive(re, i, sb);
                }
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** After a repetition operator: RE2 rejects a possessive '+' or a second operator. */
    private static void checkPossessive(String re, int i, StringBuilder sb) {
        int j = i + 1;
        if (j < re.length() && re.charAt(j) == '?') {
            return; // lazy, same in both
        }
        if (j < re.length() && (re.charAt(j) == '+' || re.charAt(j) == '*')) {
            int start = i;
            if (re.charAt(i) == '}') {
                start = re.lastIndexOf('{', i);
            }
            throw err("invalid nested repetition operator", re.substring(start, j + 1));
        }
    }

    /** \pL, \p{Name}, \p{^Name}, \PL: Unicode categories and scripts. Returns the index of the last char used. */
    private static int unicodeClass(String re, int i, StringBuilder sb) {
        char pc = re.charAt(i + 1);
        int n = re.length();
        if (i + 2 >= n) {
            throw err("invalid character class range", re.substring(i));
        }
        String name;
        int last;
        if (re.charAt(i + 2) == '{') {
            int end = re.indexOf('}', i + 3);
            if (end < 0) {
                throw err("invalid character class range", re.substring(i));
            }
            name = re.substring(i + 3, end);
            last = end;
        } else {
            name = String.valueOf(re.charAt(i + 2));
            last = i + 2;
        }
        boolean neg = pc == 'P';
        if (name.startsWith("^")) {
            neg = !neg;
            name = name.substring(1);
        }
        String javaName;
        if (name.equals("Any")) {
            sb.append(neg ? "[^\\x{0}-\\x{10FFFF}]" : "[\\x{0}-\\x{10FFFF}]");
            return last;
        } else if (name.length() <= 2 && !name.isEmpty() && Character.isUpperCase(name.charAt(0))) {
            javaName = name; // general category
        } else {
            javaName = "Is" + name; // script
        }
        try {
            Pattern.compile("\\p{" + javaName + "}");
        } catch (PatternSyntaxException e) {
            throw err("invalid character class range", re.substring(i, last + 1));
        }
        sb.append(neg ? "\\P{" : "\\p{").append(javaName).append('}');
        return last;
    }

    /** Go's Regexp.ReplaceAllString: non-overlapping matches, an empty match right after a match is skipped. */
    static String replaceAll(Compiled re, String src, String repl) {
        Matcher m = re.pattern().matcher(budgeted(src));
        int n = src.length();
        StringBuilder out = null;
        int lastMatchEnd = 0;
        int searchPos = 0;
        boolean plain = repl.indexOf('$') < 0;
        while (searchPos <= n && m.find(searchPos)) {
            int a0 = m.start();
            int a1 = m.end();
            if (out == null) {
                out = new StringBuilder(n + 16);
            }
            out.append(src, lastMatchEnd, a0);
            if (a1 > lastMatchEnd || a0 == 0) {
                if (plain) {
                    out.append(repl);
                } else {
                    expand(re, m, src, repl, out);
                }
            }
            lastMatchEnd = a1;
            int width = searchPos < n ? Character.charCount(src.codePointAt(searchPos)) : 0;
            if (searchPos + width > a1) {
                searchPos += width;
            } else if (searchPos + 1 > a1) {
                searchPos++;
            } else {
                searchPos = a1;
            }
        }
        if (out == null) {
            return src;
        }
        out.append(src, lastMatchEnd, n);
        return out.toString();
    }

    /** Go's Regexp.Expand: $1, ${1}, $name, ${name}, $$; unknown groups are empty; a malformed $ is literal. */
    private static void expand(Compiled re, Matcher m, String src, String template, StringBuilder dst) {
        int i = 0;
        int n = template.length();
        while (i < n) {
            int d = template.indexOf('$', i);
            if (d < 0) {
                break;
            }
            dst.append(template, i, d);
            i = d + 1;
            if (i < n && template.charAt(i) == '$') {
                dst.append('$');
                i++;
                continue;
            }
            // extract a name
            int j = i;
            boolean brace = false;
            if (j < n && template.charAt(j) == '{') {
                brace = true;
                j++;
            }
            int nameStart = j;
            while (j < n) {
                int cp = template.codePointAt(j);
                if (!Character.isLetter(cp) && !Character.isDigit(cp) && cp != '_') {
                    break;
                }
                j += Character.charCount(cp);
            }
            if (j == nameStart) {
                dst.append('$');
                continue;
            }
            String name = template.substring(nameStart, j);
            if (brace) {
                if (j >= n || template.charAt(j) != '}') {
                    dst.append('$');
                    continue;
                }
                j++;
            }
            i = j;
            int num = 0;
            for (int k = 0; k < name.length(); k++) {
                char ch = name.charAt(k);
                if (ch < '0' || ch > '9' || num >= 100_000_000) {
                    num = -1;
                    break;
                }
                num = num * 10 + (ch - '0');
            }
            if (name.charAt(0) == '0' && name.length() > 1) {
                num = -1;
            }
            int g = num >= 0 ? num : re.names().getOrDefault(name, -1);
            if (g >= 0 && g <= m.groupCount() && m.start(g) >= 0) {
                dst.append(src, m.start(g), m.end(g));
            }
        }
        dst.append(template, i, n);
    }
}
