package io.oort.engine.sql.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** eKuiper's LIKE rules (pkg/ast/expr_ref.go LikePattern.Compile, valuer_test.go TestLike) in linear time. */
class LikeMatcherTest {

    private static boolean like(String text, String pattern) {
        return LikeMatcher.compile(pattern).matches(text);
    }

    @Test
    void wildcards() {
        assertTrue(like("string1", "str%"));
        assertTrue(like("str", "str%"));
        assertFalse(like("st", "str%"));
        assertTrue(like("another", "an_ther"));
        assertFalse(like("anther", "an_ther"));
        assertFalse(like("anoother", "an_ther"));
        assertTrue(like("", "%"));
        assertTrue(like("", "%%"));
        assertFalse(like("", "_"));
        assertTrue(like("", ""));
        assertFalse(like("a", ""));
        assertTrue(like("abcabc", "%abc"));
        assertTrue(like("xabcyabcz", "%abc%abc%"));
        assertFalse(like("xabcyabz", "%abc%abc%"));
        assertTrue(like("aaa", "a%a"));
        assertTrue(like("aa", "a%a"));
        assertFalse(like("a", "a%a"));
        assertTrue(like("mississippi", "m%iss%ppi"));
        assertTrue(like("abc", "___"));
        assertFalse(like("abcd", "___"));
    }

    @Test
    void backslashIsLiteralAndOnlyStopsTheWildcardAfterIt() {
        // TestLike: a LIKE "str\\_ng" (the pattern str\_ng) matches `str\_ng`, not `str_ng`
        assertTrue(like("str\\_ng", "str\\_ng"));
        assertFalse(like("str_ng", "str\\_ng"));
        assertFalse(like("string", "str\\_ng"));
        assertTrue(like("foo\\%", "foo\\%"));
        assertFalse(like("foo\\bar", "foo\\%"));
        assertFalse(like("foo%", "foo\\%"));
        // before another character a backslash is a plain backslash
        assertTrue(like("a\\b", "a\\b"));
        assertTrue(like("a\\", "a\\"));
        assertTrue(like("a\\xyz", "a\\x%"));
        // "\\%": the first backslash is plain, the second keeps the %
        assertTrue(like("\\\\%", "\\\\%"));
        assertFalse(like("\\\\x", "\\\\%"));
    }

    @Test
    void wildcardsDoNotMatchNewlines() {
        // RE2's . without the s flag
        assertFalse(like("a\nb", "a%b"));
        assertFalse(like("a\nb", "a_b"));
        assertTrue(like("a\nb", "a\nb"));
        assertTrue(like("x\ny", "%\n%"));
        assertTrue(like("ab\ncd\nef", "a%\n%d\ne_"));
        assertFalse(like("ab\ncd\nef", "a%\nef"));
        assertTrue(like("\n", "%\n"));
        assertFalse(like("\n", "%"));
        assertTrue(like("a\r\tb", "a%b")); // only \n is a line end
    }

    @Test
    void oneCharacterIsOneCodePoint() {
        assertTrue(like("a😀b", "a_b"));
        assertFalse(like("a😀b", "a__b"));
        assertTrue(like("😀😀", "%😀"));
        assertTrue(like("é", "_"));
    }

    @Test
    void noCatastrophicBacktracking() {
        String text = "abcdefghijklmnopqrstuvw0123456".repeat(100); // no "xyz"
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertFalse(like(text, "%%%%%%%%%%%%xyz%"));
            assertFalse(like(text, "%a%a%a%a%a%a%a%a%a%a%a%a%xyz"));
            assertFalse(like(text + "\n", "%a%b%c%d%e%f%g%h%i%j%k%l%m%n%xyz\n"));
            assertTrue(like(text, "%".repeat(48) + "3456"));
        });
    }

    @Test
    void agreesWithTheRegularExpressionOnSmallInputs() {
        SplittableRandom r = new SplittableRandom(42);
        String[] alphabet = {"a", "b", "\\", "%", "_", "\n", "😀"};
        for (int i = 0; i < 50_000; i++) {
            String pattern = random(r, alphabet, 6);
            String text = random(r, new String[] {"a", "b", "\\", "%", "_", "\n", "😀"}, 7);
            assertEquals(reference(pattern).matcher(text).matches(), like(text, pattern),
                    () -> "'" + text + "' LIKE '" + pattern + "'");
        }
    }

    private static String random(SplittableRandom r, String[] alphabet, int maxLen) {
        StringBuilder sb = new StringBuilder();
        for (int n = r.nextInt(maxLen + 1); n > 0; n--) {
            sb.append(alphabet[r.nextInt(alphabet.length)]);
        }
        return sb.toString();
    }

    /**
     * eKuiper's rewrite (\% and \_ kept, % to .*, _ to ., backslashes literal) as a java.util.regex where . is any
     * code point but \n (UNIX_LINES) and every other character is quoted.
     */
    private static Pattern reference(String like) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < like.length();) {
            int c = like.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\\' && i < like.length() && (like.charAt(i) == '%' || like.charAt(i) == '_')) {
                re.append(Pattern.quote("\\" + like.charAt(i)));
                i++;
            } else if (c == '%') {
                re.append(".*");
            } else if (c == '_') {
                re.append('.');
            } else {
                re.append(Pattern.quote(new String(Character.toChars(c))));
            }
        }
        return Pattern.compile(re.toString(), Pattern.UNIX_LINES);
    }
}
