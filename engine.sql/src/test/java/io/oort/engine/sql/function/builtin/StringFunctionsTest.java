package io.oort.engine.sql.function.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.oort.engine.sql.ast.Expr;
import io.oort.engine.sql.ast.FieldRef;
import io.oort.engine.sql.ast.Literal;
import io.oort.engine.sql.ast.Pos;
import io.oort.engine.sql.ast.TimeUnitLiteral;
import io.oort.engine.sql.function.FunctionDef;
import io.oort.engine.sql.function.FunctionRegistry;
import io.oort.engine.sql.function.TestFnContext;
import io.oort.engine.sql.value.EvalException;

/**
 * Facts from eKuiper's funcs_str_test.go (TestStrFuncNil, TestSplitValueFunctions, testFormat, testFormatLocale,
 * TestStringFuncVal), topo/operator/str_func_test.go, string_functions.md and the conformance cases str_*.json;
 * RE2 and Go strings semantics where Java differs.
 */
class StringFunctionsTest {

    private static final FunctionRegistry REG = FunctionRegistry.withBuiltins();
    private final TestFnContext ctx = new TestFnContext();

    private static FunctionDef def(String name) {
        FunctionDef d = REG.lookup(name);
        assertNotNull(d, name);
        return d;
    }

    private Object call(String name, Object... args) {
        return def(name).scalar().apply(ctx, args);
    }

    private String err(String name, Object... args) {
        return assertThrows(EvalException.class, () -> call(name, args)).getMessage();
    }

    private static String validate(String name, Expr... args) {
        return def(name).validator().validate(List.of(args));
    }

    private static Literal lit(Object v) {
        return new Literal(Pos.NONE, v);
    }

    private static FieldRef col(String n) {
        return new FieldRef(Pos.NONE, null, n);
    }

    private static final Expr TIME = new TimeUnitLiteral(Pos.NONE, TimeUnitLiteral.Unit.MS);

    // ------------------------------------------------------------------------------------------------------ nil

    @Test
    void nilHandling() {
        // TestStrFuncNil
        assertEquals("12", call("concat", "1", null, "2"));
        for (String n : new String[] {"endswith", "regexp_matches", "startswith"}) {
            assertEquals(false, call(n, null, "a"), n);
            assertEquals(false, call(n, "a", null), n);
            assertEquals(false, call(n, new ArrayList<>(), "a"), n);
        }
        assertEquals(-1L, call("indexof", null, "a"));
        assertEquals(-1L, call("indexof", "a", null));
        assertEquals(0L, call("length", (Object) null));
        assertEquals(0L, call("numbytes", (Object) null));
        for (String n : new String[] {"lower", "upper", "trim", "ltrim", "rtrim", "reverse"}) {
            assertNull(call(n, (Object) null), n);
            assertNull(call(n, Map.of()), n);
        }
        assertNull(call("lpad", null, 2L));
        assertNull(call("rpad", "a", null));
        assertNull(call("regexp_replace", null, "a", "b"));
        assertNull(call("regexp_replace", "a", "a", null));
        assertNull(call("regexp_substr", null, "a"));
        assertNull(call("substring", null, 1L));
        assertNull(call("substring", "abc", 1L, null));
        assertNull(call("split_value", null, "/", 0L));
        assertNull(call("format", null, 2L));
    }

    // ---------------------------------------------------------------------------------------- operator tests

    @Test
    void concat() {
        assertEquals("myamybmyc", call("concat", "mya", "myb", "myc"));
        assertEquals("myamybmyc", call("concat", "mya", null, "myb", "myc"));
        // arguments print as Go %v
        assertEquals("a1.52true[1 2]", call("concat", "a", 1.5, 2L, true, List.of(1L, 2L)));
        assertEquals("1e+21", call("concat", 1e21));
        assertEquals("The arguments should be at least one.", validate("concat"));
        assertEquals("Expect string type for parameter 2", validate("concat", lit("a"), lit(1L)));
        assertEquals("Expect string type for parameter 1", validate("concat", TIME));
        assertNull(validate("concat", col("a"), lit("b")));
    }

    @Test
    void endsWithStartsWith() {
        assertEquals(false, call("endswith", "mya", "myb"));
        assertEquals(true, call("endswith", "mya", "ya"));
        assertEquals(true, call("startswith", "mya", "my"));
        assertEquals(false, call("startswith", "mya", "ya"));
        assertEquals("Expect string type for parameter 2", validate("endswith", lit("a"), lit(2L)));
        assertEquals("Expect 2 arguments but found 1.", validate("startswith", lit("a")));
    }

    @Test
    void indexOf() {
        assertEquals(2L, call("indexof", "mya", "a"));
        assertEquals(-1L, call("indexof", "mya", "z"));
        assertEquals(0L, call("indexof", "mya", ""));
        // a Go byte offset
        assertEquals(6L, call("indexof", "中国a", "a"));
        assertEquals(3L, call("indexof", "中国a", "国"));
    }

    @Test
    void lengthAndNumbytes() {
        assertEquals(2L, call("length", "中国"));
        assertEquals(3L, call("length", "myc"));
        assertEquals(6L, call("numbytes", "中国"));
        assertEquals(2L, call("numbytes", "ya"));
        assertEquals(3L, call("length", List.of(1L, 2L, 3L)));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", 1L);
        assertEquals(1L, call("length", m));
        assertEquals(0L, call("length", new ArrayList<>()));
        assertEquals(5L, call("length", 12345L));
        assertEquals(2L, call("length", "😀a")); // runes, not UTF-16 units
        assertEquals(5L, call("numbytes", "😀a"));
        assertEquals("Expect 1 arguments but found 2.", validate("length", lit("a"), lit("b")));
        assertNull(validate("length", lit(1L)));
        assertEquals("Expect string type for parameter 1", validate("numbytes", lit(1L)));
    }

    @Test
    void lowerUpper() {
        assertEquals("nycnicks", call("lower", "NYCNicks"));
        assertEquals("NYCNICKS", call("upper", "NYCNicks"));
        // Go's simple case mapping: no "SS" for ß, no dotted i for İ
        assertEquals("STRASSE".length() - 1, ((String) call("upper", "straße")).length());
        assertEquals("STRAßE", call("upper", "straße"));
        assertEquals("i", call("lower", "İ"));
        assertEquals("ΣΑΣ", call("upper", "σας"));
        assertEquals("true", call("lower", true));
    }

    @Test
    void lowerUpperAreGosPerRuneMappingForAnyText() {
        // ASCII strings take a byte loop, others the per-code-point mapping: both must equal Go's (simple) mapping
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        int[] pool = {'a', 'z', 'A', 'Z', '@', '[', '`', '{', '0', ' ', 0x7F, 0xB5, 0xDF, 0xE9, 0xFF, 0x130, 0x1C6,
            0x3C2, 0x1F600, 0xD800};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            boolean ascii = r.nextBoolean();
            for (int n = r.nextInt(12); n > 0; n--) {
                sb.appendCodePoint(ascii ? r.nextInt(0x80) : pool[r.nextInt(pool.length)]);
            }
            String in = sb.toString();
            assertEquals(mapRunes(in, true), call("upper", in), in);
            assertEquals(mapRunes(in, false), call("lower", in), in);
        }
    }

    private static String mapRunes(String s, boolean upper) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> sb.appendCodePoint(upper ? Character.toUpperCase(cp) : Character.toLowerCase(cp)));
        return sb.toString();
    }

    @Test
    void padding() {
        assertEquals("  NYCNicks", call("lpad", "NYCNicks", 2L));
        assertEquals("NYCNicks   ", call("rpad", "NYCNicks", 3L));
        assertEquals("ab", call("rpad", "ab", 0L));
        assertEquals("  ab", call("lpad", "ab", 2.0)); // integral float passes STRICT
        assertEquals("call func lpad error: cannot convert float64(2.5) to int", err("lpad", "ab", 2.5));
        assertEquals("call func rpad error: cannot convert string(2) to int", err("rpad", "ab", "2"));
        assertTrue(err("lpad", "ab", -1L).contains("negative Repeat count"));
        assertEquals("Expect int type for parameter 2", validate("lpad", lit("a"), lit(1.5)));
        assertEquals("Expect string type for parameter 1", validate("rpad", lit(1L), lit(1L)));
        assertNull(validate("lpad", col("a"), col("b")));
    }

    @Test
    void trims() {
        assertEquals("trimme", call("trim", " \ttrimme\n "));
        assertEquals("trimme\n ", call("ltrim", " \ttrimme\n "));
        assertEquals(" \ttrimme", call("rtrim", " \ttrimme\n "));
        // unicode.IsSpace: NBSP, NEL and ideographic space are spaces; U+001C is not (Java's isWhitespace says so)
        assertEquals("x", call("trim", "\u00a0\u0085x\u3000\u000b"));
        assertEquals("\u001cx", call("trim", "\u001cx"));
    }

    @Test
    void reverse() {
        assertEquals("cba", call("reverse", "abc"));
        assertEquals("国中", call("reverse", "中国"));
        assertEquals("b😀a", call("reverse", "a😀b"));
    }

    // --------------------------------------------------------------------------------------------------- regexp

    @Test
    void regexpMatchesAndSubstr() {
        assertEquals(true, call("regexp_matches", "seafood", "foo.*"));
        assertEquals(false, call("regexp_matches", "ya", "foo.*"));
        assertEquals("food", call("regexp_substr", "seafood", "foo.*"));
        assertEquals("", call("regexp_substr", "ya", "foo.*"));
        assertEquals("123", call("regexp_substr", "ab123cd456", "\\d+"));
    }

    @Test
    void regexpReplace() {
        assertEquals("-REP-REP-", call("regexp_replace", "-ab-axxb-", "a(x*)b", "REP"));
        // Go's Expand: $1, ${1}, named groups, $$; $1W is the (missing) group named "1W"
        assertEquals("-TT-TxxT-", call("regexp_replace", "-ab-axxb-", "a(x*)b", "T${1}T"));
        assertEquals("--xx-", call("regexp_replace", "-ab-axxb-", "a(x*)b", "$1"));
        assertEquals("---", call("regexp_replace", "-ab-axxb-", "a(x*)b", "$1W"));
        assertEquals("-$-$-", call("regexp_replace", "-ab-axxb-", "a(x*)b", "$$"));
        assertEquals("-x-xxx-", call("regexp_replace", "-ab-axxb-", "a(?P<mid>x*)b", "${mid}x"));
        assertEquals("-\\-\\-", call("regexp_replace", "-ab-axxb-", "a(x*)b", "\\"));
        // an empty match right after a match is not replaced (Java would give -b--b-)
        assertEquals("-b-b-", call("regexp_replace", "baaab", "a*", "-"));
        assertEquals("-a-b-c-", call("regexp_replace", "abc", "x*", "-"));
        assertEquals("xbc", call("regexp_replace", "abc", "^a", "x"));
    }

    @Test
    void regexpRe2Semantics() {
        // $ without the m flag matches only at the very end
        assertEquals(false, call("regexp_matches", "abc\n", "c$"));
        assertEquals(true, call("regexp_matches", "abc\n", "(?m)c$"));
        // . only excludes \n
        assertEquals(true, call("regexp_matches", "a\rb", "a.b"));
        assertEquals(false, call("regexp_matches", "a\nb", "a.b"));
        assertEquals(true, call("regexp_matches", "a\nb", "(?s)a.b"));
        // \s does not include \v; [[:alpha:]] is a POSIX class; [ and && are literal inside a class
        assertEquals(false, call("regexp_matches", "\u000b", "\\s"));
        assertEquals("abc", call("regexp_substr", "12abc34", "[[:alpha:]]+"));
        assertEquals("[&", call("regexp_substr", "x[&y", "[[&]+"));
        assertEquals("a{", call("regexp_substr", "a{", "a{"));
        assertEquals("aaa", call("regexp_substr", "aaaa", "a{3}"));
        // ASCII word boundary; Unicode case folding with (?i)
        assertEquals(true, call("regexp_matches", "été", "(?i)ÉTÉ"));
        assertEquals(true, call("regexp_matches", "éa", "\\ba")); // é is not an ASCII word character
        assertEquals(false, call("regexp_matches", "xa", "\\ba"));
        // octal escape
        assertEquals(true, call("regexp_matches", "A", "\\101"));
    }

    @Test
    void regexpErrors() {
        assertEquals("call func regexp_matches error: error parsing regexp: missing closing ): `(abc`",
                err("regexp_matches", "abc", "(abc"));
        assertEquals("call func regexp_substr error: error parsing regexp: invalid or unsupported Perl syntax: "
                + "`(?=`", err("regexp_substr", "abc", "a(?=b)"));
        assertEquals("call func regexp_replace error: error parsing regexp: invalid escape sequence: `\\1`",
                err("regexp_replace", "abc", "(a)\\1", "x"));
        assertEquals("call func regexp_matches error: error parsing regexp: invalid nested repetition operator: "
                + "`++`", err("regexp_matches", "abc", "a++"));
        assertEquals("call func regexp_matches error: error parsing regexp: invalid repeat count: `{1001}`",
                err("regexp_matches", "abc", "a{1001}"));
        assertEquals("call func regexp_matches error: error parsing regexp: invalid escape sequence: `\\Z`",
                err("regexp_matches", "abc", "c\\Z"));
        assertEquals("call func regexp_matches error: error parsing regexp: missing closing ]: `[a`",
                err("regexp_matches", "abc", "[a"));
        // errors are cached like patterns and still reported
        assertEquals("call func regexp_matches error: error parsing regexp: missing closing ]: `[a`",
                err("regexp_matches", "abc", "[a"));
        assertEquals("Expect 3 arguments but found 2.", validate("regexp_replace", lit("a"), lit("b")));
        assertEquals("Expect string type for parameter 3", validate("regexp_replace", lit("a"), lit("b"),
                lit(1L)));
    }

    @Test
    void catastrophicBacktrackingIsCutShort() {
        // RE2 answers these in linear time; java.util.regex backtracks for hours (JDK 17 memoizes the simplest nested
        // loops such as (a+)+b, not these)
        String aaa = "a".repeat(30);
        String expected = "call func regexp_matches error: regular expression too expensive to match: more than "
                + StrRegex.MIN_READS + " character reads on a 30-character value (backtracking)";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertEquals(expected, err("regexp_matches", aaa, "(.*a){12}x"));
            assertTrue(err("regexp_substr", aaa, "(.*a){11}y").startsWith("call func regexp_substr error: regular "
                    + "expression too expensive to match"));
            assertTrue(err("regexp_replace", aaa, "(.*a){12}z", "x").startsWith("call func regexp_replace error: "
                    + "regular expression too expensive to match"));
        });
        // a long value with an ordinary pattern stays well within the budget
        String big = "x".repeat(200_000) + "needle";
        assertEquals(true, call("regexp_matches", big, "ne+dle$"));
        assertEquals("needle", call("regexp_substr", big, "n[a-z]+"));
        assertEquals("y".repeat(200_000) + "needle", call("regexp_replace", big, "x", "y"));
    }

    @Test
    void regexpCacheReturnsSamePattern() {
        StrRegex.Compiled a = StrRegex.compile("foo.*");
        assertTrue(a == StrRegex.compile("foo.*"));
        Pattern p = a.pattern();
        Matcher m = p.matcher("seafood");
        assertTrue(m.find());
    }

    // ------------------------------------------------------------------------------------------------ substring

    @Test
    void substring() {
        assertEquals("Nicks", call("substring", "NYCNicks", 3L));
        assertEquals("Ni", call("substring", "NYCNicks", 3L, 5L));
        assertEquals("Nicks", call("substring", "NYCNicks", 3L, 100L));
        assertEquals("", call("substring", "NYCNicks", 88L, 100L));
        assertEquals("", call("substring", "NYCNicks", 100L));
        assertEquals("NYCNicks", call("substring", "NYCNicks", 8L - 8));
        // byte indexes, as Go slices strings
        assertEquals("国", call("substring", "中国", 3L));
        assertEquals("中", call("substring", "中国", 0L, 3L));
        assertEquals("call func substring error: start index must be a positive number",
                err("substring", "abc", -1L));
        assertEquals("call func substring error: end index must be a positive number",
                err("substring", "abc", 1L, -1L));
        assertEquals("call func substring error: start index must be smaller than end index",
                err("substring", "abc", 2L, 1L));
        assertEquals("call func substring error: cannot convert string(1) to int", err("substring", "abc", "1"));
    }

    @Test
    void substringValidation() {
        assertEquals("the arguments for substring should be 2 or 3", validate("substring", lit("a")));
        assertEquals("Expect string type for parameter 1", validate("substring", lit(1L), lit(1L)));
        assertEquals("Expect int type for parameter 2", validate("substring", col("a"), lit("1")));
        assertEquals("Expect int type for parameter 3", validate("substring", col("a"), lit(1L), lit(1.5)));
        assertEquals("The start index should not be a nagtive integer.", validate("substring", col("a"),
                lit(-1L)));
        assertEquals("The end index should be larger than start index.", validate("substring", col("a"), lit(3L),
                lit(2L)));
        assertNull(validate("substring", col("a"), lit(3L), col("b")));
    }

    // ---------------------------------------------------------------------------------------------- split_value

    @Test
    void splitValue() {
        // TestSplitValueFunctions, operator tests, string_functions.md, str_split_value.json
        assertEquals("a", call("split_value", "a/b/c", "/", 0L));
        assertEquals("c", call("split_value", "a/b/c", "/", -1L));
        assertEquals("call func split_value error: 3 out of index array (size = 3)",
                err("split_value", "a/b/c", "/", 3L));
        assertEquals("call func split_value error: -4 out of index array (size = 3)",
                err("split_value", "a/b/c", "/", -4L));
        assertEquals("test", call("split_value", "test/device001/message", "/", 0L));
        assertEquals("device001", call("split_value", "test/device001/message", "/", 1L));
        assertEquals("message", call("split_value", "test/device001/message", "/", 2L));
        assertEquals("", call("split_value", "/test/device001/message", "/", 0L));
        assertEquals("message", call("split_value", "/test/device001/message", "/", 3L));
        // Go's strings.Split keeps trailing empty pieces and splits per rune on an empty separator
        assertEquals("", call("split_value", "a/b/", "/", 2L));
        assertEquals("国", call("split_value", "中国", "", 1L));
        // the index conversion error is ignored by eKuiper (index 0)
        assertEquals("a", call("split_value", "a/b", "/", "x"));
    }

    @Test
    void splitValueValidation() {
        assertEquals("the arguments for split_value should be 3", validate("split_value", lit("a"), lit("/")));
        assertEquals("Expect string type for parameter 1", validate("split_value", lit(1L), lit("/"), lit(0L)));
        assertEquals("Expect string type for parameter 2", validate("split_value", col("a"), lit(1L), lit(0L)));
        assertEquals("Expect int type for parameter 3", validate("split_value", col("a"), lit("/"), lit("0")));
        assertEquals("The index should not be a nagtive integer.", validate("split_value", col("a"), lit("/"),
                lit(-1L)));
        assertNull(validate("split_value", col("a"), lit("/"), lit(1L)));
    }

    // --------------------------------------------------------------------------------------------------- format

    @Test
    void formatPlain() {
        // testFormat
        assertEquals("12332.1235", call("format", 12332.123456, 4L));
        assertEquals("12332.1000", call("format", 12332.1, 4L));
        assertEquals("12332", call("format", 12332.2, 0L));
        assertEquals("12332.20", call("format", 12332.2, 2L));
        assertEquals("call func format error: the decimal places must greater or equal than 0",
                err("format", 12332.2, -1L));
        assertEquals("-5.00", call("format", -5L, 2L));
        assertEquals("123456789.00", call("format", 123456789L, 2L));
    }

    /** testFormatLocale, all rows. */
    private static final Object[][] LOCALE_CASES = {
        {12332.123456, 4, "en_US", "12,332.1235"}, {12332.1, 4, "en_US", "12,332.1000"},
        {12332.2, 0, "en_US", "12,332"}, {12332.2, 2, "en_US", "12,332.20"},
        {12332.12341111111111111111111111111111111111111, 4, "en_US", "12,332.1234"},
        {12332.1234567, 4, "en_US", "12,332.1235"}, {12332.2, 2, "de_DE", "12.332,20"},
        {12332.2, 2, "zh_CN", "12,332.20"}, {12332.2, 2, "zh_HK", "12,332.20"},
        {-123456.7899, 2, "de_CH", "-123’456.79"},
        {12332.123456, 4, "ar_AE", "12,332.1235"}, {12332.1, 4, "ar_BH", "12,332.1000"},
        {12332.2, 0, "ar_DZ", "12.332"}, {12332.2, 2, "ar_EG", "12,332.20"},
        {12332.12341111111111111111111111111111111111111, 4, "ar_IN", "١٢٬٣٣٢٫١٢٣٤"},
        {12332.1234567, 4, "ar_IQ", "12,332.1235"}, {12332.2, 2, "ar_JO", "12,332.20"},
        {12332.2, 2, "ar_KW", "12,332.20"}, {12332.2, 2, "ar_LB", "12.332,20"}, {12332.2, 2, "ar_LY", "12.332,20"},
        {12332.2, 2, "ar_MA", "12.332,20"}, {12332.2, 2, "ar_OM", "12,332.20"}, {12332.2, 2, "ar_QA", "12,332.20"},
        {12332.2, 2, "ar_SA", "12,332.20"}, {12332.2, 2, "ar_SD", "12,332.20"}, {12332.2, 2, "ar_SY", "12,332.20"},
        {12332.2, 2, "ar_TN", "12.332,20"}, {12332.2, 2, "ar_YE", "12,332.20"},
        {12332.123456, 4, "be_BY", "12\u00a0332,1235"}, {12332.1, 4, "bg_BG", "12\u00a0332,1000"},
        {12332.2, 0, "ca_ES", "12.332"}, {12332.2, 2, "cs_CZ", "12\u00a0332,20"},
        {12332.2, 2, "da_DK", "12.332,20"}, {12332.2, 2, "de_AT", "12\u00a0332,20"},
        {12332.2, 2, "de_BE", "12.332,20"}, {12332.2, 2, "de_CH", "12’332.20"}, {12332.2, 2, "de_DE", "12.332,20"},
        {12332.2, 2, "de_LU", "12.332,20"}, {12332.2, 2, "el_GR", "12.332,20"},
        {12332.123456, 4, "en_AU", "12,332.1235"}, {12332.1, 4, "en_CA", "12,332.1000"},
        {12332.2, 0, "en_GB", "12,332"}, {12332.2, 2, "en_IN", "12,332.20"}, {12332.2, 2, "en_NZ", "12,332.20"},
        {12332.2, 2, "en_PH", "12,332.20"}, {12332.2, 2, "en_US", "12,332.20"},
        {12332.2, 2, "en_ZA", "12\u00a0332,20"}, {12332.2, 2, "en_ZW", "12,332.20"},
        {12332.2, 2, "es_AR", "12.332,20"}, {12332.2, 2, "es_BO", "12.332,20"}, {12332.2, 2, "es_CL", "12.332,20"},
        {12332.2, 2, "es_CO", "12.332,20"}, {12332.2, 2, "es_CR", "12\u00a0332,20"},
        {12332.2, 2, "es_DO", "12,332.20"}, {12332.2, 2, "es_EC", "12.332,20"}, {12332.2, 2, "es_ES", "12.332,20"},
        {12332.2, 2, "es_GT", "12,332.20"}, {12332.2, 2, "es_HN", "12,332.20"}, {12332.2, 2, "es_MX", "12,332.20"},
        {12332.2, 2, "es_NI", "12,332.20"}, {12332.2, 2, "es_PA", "12,332.20"}, {12332.2, 2, "es_PE", "12,332.20"},
        {12332.2, 2, "es_PR", "12,332.20"}, {12332.2, 2, "es_PY", "12.332,20"}, {12332.2, 2, "es_SV", "12,332.20"},
        {12332.2, 2, "es_US", "12,332.20"}, {12332.2, 2, "es_UY", "12.332,20"}, {12332.2, 2, "es_VE", "12.332,20"},
        {12332.123456, 4, "et_EE", "12\u00a0332,1235"}, {12332.1, 4, "eu_ES", "12.332,1000"},
        {12332.2, 2, "fi_FI", "12\u00a0332,20"}, {12332.2, 2, "fo_FO", "12.332,20"},
        {12332.2, 2, "fr_BE", "12\u00a0332,20"}, {12332.2, 2, "fr_CA", "12\u00a0332,20"},
        {12332.2, 2, "fr_CH", "12\u00a0332,20"}, {12332.2, 2, "fr_FR", "12\u00a0332,20"},
        {12332.2, 2, "fr_LU", "12.332,20"}, {12332.2, 2, "gl_ES", "12.332,20"}, {12332.2, 2, "gu_IN", "12,332.20"},
        {12332.2, 2, "he_IL", "12,332.20"}, {12332.2, 2, "hi_IN", "12,332.20"}, {12332.2, 2, "hr_HR", "12.332,20"},
        {12332.2, 2, "hu_HU", "12\u00a0332,20"}, {12332.2, 2, "id_ID", "12.332,20"},
        {12332.2, 2, "is_IS", "12.332,20"}, {12332.2, 2, "it_CH", "12’332.20"}, {12332.2, 2, "it_IT", "12.332,20"},
        {12332.2, 2, "ja_JP", "12,332.20"}, {12332.2, 2, "ko_KR", "12,332.20"},
        {12332.2, 2, "lt_LT", "12\u00a0332,20"}, {12332.2, 2, "lv_LV", "12\u00a0332,20"},
        {12332.2, 2, "mk_MK", "12.332,20"}, {12332.2, 2, "mn_MN", "12,332.20"}, {12332.2, 2, "ms_MY", "12,332.20"},
        {12332.2, 2, "nb_NO", "12\u00a0332,20"}, {12332.2, 2, "nl_BE", "12.332,20"},
        {12332.2, 2, "nl_NL", "12.332,20"}, {12332.2, 2, "no_NO", "12,332.20"},
        {12332.2, 2, "pl_PL", "12\u00a0332,20"}, {12332.2, 2, "pt_BR", "12.332,20"},
        {12332.2, 2, "pt_PT", "12\u00a0332,20"}, {12332.2, 2, "rm_CH", "12’332.20"},
        {12332.2, 2, "ro_RO", "12.332,20"}, {12332.2, 2, "ru_RU", "12\u00a0332,20"},
        {12332.2, 2, "ru_UA", "12\u00a0332,20"}, {12332.2, 2, "sk_SK", "12\u00a0332,20"},
        {12332.2, 2, "sl_SI", "12.332,20"}, {12332.2, 2, "sq_AL", "12\u00a0332,20"},
        {12332.2, 2, "sr_RS", "12.332,20"}, {12332.2, 2, "sv_FI", "12\u00a0332,20"},
        {12332.2, 2, "sv_SE", "12\u00a0332,20"}, {12332.2, 2, "ta_IN", "12,332.20"},
        {12332.2, 2, "te_IN", "12,332.20"}, {12332.2, 2, "th_TH", "12,332.20"}, {12332.2, 2, "tr_TR", "12.332,20"},
        {12332.2, 2, "uk_UA", "12\u00a0332,20"}, {12332.2, 2, "ur_PK", "12,332.20"},
        {12332.2, 2, "vi_VN", "12.332,20"}, {12332.2, 2, "zh_CN", "12,332.20"}, {12332.2, 2, "zh_HK", "12,332.20"},
        {12332.2, 2, "zh_TW", "12,332.20"},
    };

    @Test
    void formatLocale() {
        for (Object[] c : LOCALE_CASES) {
            assertEquals(c[3], call("format", c[0], ((Integer) c[1]).longValue(), c[2]), () -> c[2] + " " + c[0]);
        }
        assertEquals("call func format error: not support for the specific locale:not_exist_locale",
                err("format", 98765.4321, 2L, "not_exist_locale"));
        assertEquals("call func format error: not support for the specific locale:ff", err("format", 98765.4321, 2L,
                "ff"));
        // string_functions.md
        assertEquals("12,332.1235", call("format", 12332.1234567, 4L, "en_US"));
        assertEquals("123,456.78", call("format", 123456.78, 2L, "en_US"));
        assertEquals("123.456,78", call("format", 123456.78, 2L, "de_DE"));
        // Indian grouping (CLDR #,##,##0.###)
        assertEquals("12,34,567.00", call("format", 1234567L, 2L, "en_IN"));
        // a locale outside eKuiper's table: the JDK's symbols with Latin digits
        assertEquals("12.332,20", call("format", 12332.2, 2L, "nl-NL"));
        String sw = (String) call("format", 12332.2, 2L, "sw_KE");
        assertEquals("12,332.20", sw);
        assertEquals("-1,234.50", call("format", -1234.5, 2L, "sw_KE"));
        assertEquals("call func format error: not support for the specific locale:en_ZZ",
                err("format", 1.0, 2L, "en_ZZ"));
    }

    @Test
    void formatValidation() {
        // TestStringFuncVal
        assertEquals("At least has 2 argument but found 1.", validate("format", lit("1")));
        assertEquals("Expect integer type for parameter 2", validate("format", lit(1L), lit("1")));
        assertNull(validate("format", lit(1L), lit(0L)));
        assertEquals("Expect string type for parameter 3", validate("format", lit(1L), lit(0L), lit(0L)));
        assertNull(validate("format", lit(1L), lit(0L), lit("en")));
    }

    @Test
    void goByteHelpers() {
        assertEquals(6, StrGo.utf8Len("中国"));
        assertEquals(4, "😀".getBytes(StandardCharsets.UTF_8).length);
        assertEquals(4, StrGo.utf8Len("😀"));
        assertEquals("\"a\\n\\\"b\"", StrGo.quote("a\n\"b"));
    }
}
