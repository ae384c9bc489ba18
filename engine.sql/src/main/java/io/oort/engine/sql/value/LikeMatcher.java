package io.oort.engine.sql.value;

import java.util.Arrays;

/**
 * A compiled LIKE pattern, matched in O(pattern x text) time and constant space whatever the pattern (a
 * backtracking regular expression takes exponential time on {@code "%%%%%%%%%%%%xyz%"}; eKuiper's RE2 is linear).
 *
 * <p>The semantics are eKuiper's ({@code pkg/ast/expr_ref.go LikePattern.Compile}), which rewrites the pattern into
 * an anchored Go regular expression: {@code %} becomes {@code .*}, {@code _} becomes {@code .}, {@code \%} and
 * {@code \_} are kept as they are, then every backslash is doubled. Hence:
 * <ul>
 * <li>{@code %} matches any run of characters without a newline, {@code _} exactly one character (code point) that
 * is not a newline (RE2's {@code .} without the {@code s} flag);</li>
 * <li>a backslash always matches itself: {@code \%} and {@code \_} match a backslash followed by a literal
 * {@code %} or {@code _} (they stop the wildcard but keep the backslash), and a backslash before any other
 * character is a plain backslash;</li>
 * <li>every other character matches itself. eKuiper leaves the other regular-expression metacharacters
 * ({@code . * + ? ( ) [ ] { } | ^ $}) active in its rewritten pattern, so {@code "a.c"} also matches {@code "abc"}
 * there and {@code "a("} is a parse error; Oort matches them literally, as SQL's LIKE does.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class LikeMatcher {

    /** Token for {@code _}; literal tokens are code points (non-negative). */
    private static final int ONE = -1;
    /** Token for {@code %}. */
    private static final int RUN = -2;

    private final String pattern;
    private final int[] tokens;

    private LikeMatcher(String pattern, int[] tokens) {
        this.pattern = pattern;
        this.tokens = tokens;
    }

    public static LikeMatcher compile(String pattern) {
        int[] buf = new int[pattern.length()];
        int m = 0;
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            int c = pattern.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\\' && i < n && (pattern.charAt(i) == '%' || pattern.charAt(i) == '_')) {
                buf[m++] = '\\';
                buf[m++] = pattern.charAt(i++);
            } else if (c == '%') {
                if (m == 0 || buf[m - 1] != RUN) { // consecutive runs match what one run matches
                    buf[m++] = RUN;
                }
            } else if (c == '_') {
                buf[m++] = ONE;
            } else {
                buf[m++] = c;
            }
        }
        return new LikeMatcher(pattern, Arrays.copyOf(buf, m));
    }

    /** The pattern as written. */
    public String pattern() {
        return pattern;
    }

    /** Whether the whole of {@code s} matches. */
    public boolean matches(String s) {
        // Without a newline in the text the wildcards match any character, and the classic greedy scan that
        // backtracks only to the last % is exact; with one, the wildcards must not cross it: simulate.
        return s.indexOf('\n') < 0 ? greedy(s) : simulate(s);
    }

    private boolean greedy(String s) {
        int[] tok = tokens;
        int m = tok.length;
        int n = s.length();
        int t = 0;
        int p = 0;
        int runP = -1; // the last % seen and where its match currently ends
        int runT = 0;
        while (t < n) {
            if (p < m) {
                int k = tok[p];
                if (k == RUN) {
                    runP = p++;
                    runT = t;
                    continue;
                }
                int c = s.codePointAt(t);
                if (k == ONE || k == c) {
                    t += Character.charCount(c);
                    p++;
                    continue;
                }
            }
            if (runP < 0) {
                return false;
            }
            // let the last % take one more character and retry what follows it
            runT += Character.charCount(s.codePointAt(runT));
            t = runT;
            p = runP + 1;
        }
        while (p < m && tok[p] == RUN) {
            p++;
        }
        return p == m;
    }

    /** Thompson simulation over the token positions: position i active = tokens[0, i) match the text so far. */
    private boolean simulate(String s) {
        int[] tok = tokens;
        int m = tok.length;
        boolean[] cur = new boolean[m + 1];
        boolean[] next = new boolean[m + 1];
        cur[0] = true;
        closeOverRuns(cur);
        int t = 0;
        int n = s.length();
        while (t < n) {
            int c = s.codePointAt(t);
            t += Character.charCount(c);
            Arrays.fill(next, false);
            boolean alive = false;
            for (int i = 0; i < m; i++) {
                if (!cur[i]) {
                    continue;
                }
                int k = tok[i];
                if (k == RUN) {
                    if (c != '\n') {
                        next[i] = true;
                        alive = true;
                    }
                } else if (k == ONE ? c != '\n' : k == c) {
                    next[i + 1] = true;
                    alive = true;
                }
            }
            if (!alive) {
                return false;
            }
            closeOverRuns(next);
            boolean[] x = cur;
            cur = next;
            next = x;
        }
        return cur[m];
    }

    /** A % may match nothing: a position before a % also activates the position after it. */
    private void closeOverRuns(boolean[] states) {
        for (int i = 0; i < tokens.length; i++) {
            if (states[i] && tokens[i] == RUN) {
                states[i + 1] = true;
            }
        }
    }

    @Override
    public String toString() {
        return pattern;
    }
}
