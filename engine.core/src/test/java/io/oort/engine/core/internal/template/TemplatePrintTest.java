package io.oort.engine.core.internal.template;

import static io.oort.engine.core.internal.template.TemplateActionsTest.map;
import static io.oort.engine.core.internal.template.TemplateActionsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How values print (fmt %v), printf verbs, the escaping builtins and JSON encoding. */
class TemplatePrintTest {

    @Test
    void floatsPrintLikeGoPercentV() {
        Map<String, Object> m = map("a", 25.0, "b", 1000000.0, "c", 1.5, "d", 0.1 + 0.2, "e", 123456.0,
                "f", 1234567.0, "g", 0.0001, "h", 0.00001, "i", -0.0, "j", 1e21, "k", 36.25);
        assertEquals("25 1e+06 1.5 0.30000000000000004 123456 1.234567e+06 0.0001 1e-05 -0 1e+21 36.25",
                run("{{.a}} {{.b}} {{.c}} {{.d}} {{.e}} {{.f}} {{.g}} {{.h}} {{.i}} {{.j}} {{.k}}", m));
        assertEquals("NaN +Inf -Inf", run("{{.a}} {{.b}} {{.c}}",
                map("a", Double.NaN, "b", Double.POSITIVE_INFINITY, "c", Double.NEGATIVE_INFINITY)));
        assertEquals("1e+23 2.82879384806159e+17 5e-324", run("{{.a}} {{.b}} {{.c}}",
                map("a", 1e23, "b", 2.82879384806159E17, "c", Double.MIN_VALUE)));
    }

    @Test
    void compositeValues() {
        Map<String, Object> data = map("m", map("b", 2L, "a", 1.5, "n", null, "l", List.of("x", 2L)),
                "bytes", new byte[] {1, 2, (byte) 255});
        assertEquals("map[a:1.5 b:2 l:[x 2] n:<nil>]", run("{{.m}}", data));
        assertEquals("[1 2 255]", run("{{.bytes}}", data));
        assertEquals("[map[a:1] map[b:<nil>]]", run("{{.}}", List.of(map("a", 1L), map("b", null))));
    }

    @Test
    void timesPrintAsGoTimeString() {
        Instant t = Instant.parse("2024-03-01T10:20:30.5Z");
        String s = run("{{.t}}", map("t", t));
        assertEquals(true, s.startsWith("2024-03-01 ") || s.startsWith("2024-03-0"), s);
        assertEquals("\"2024-03-01T10:20:30.5Z\"", run("{{json .t}}", map("t", t)));
        assertEquals("1709288430 2024", run("{{.t.Unix}} {{.t.UTC.Year}}", map("t", t)));
        assertEquals("10:20:30", run("{{.t.UTC.Format \"15:04:05\"}}", map("t", t)));
    }

    @Test
    void printFunctions() {
        assertEquals("1.5 5", run("{{print .f .n}}", map("f", 1.5, "n", 5L)));
        assertEquals("hihi", run("{{print .s .s}}", map("s", "hi")));
        assertEquals("5 5x5", run("{{print .n .n \"x\" .n}}", map("n", 5L)));
        assertEquals("5 hi\n", run("{{println .n .s}}", map("n", 5L, "s", "hi")));
        assertEquals("<nil> <nil>", run("{{print .missing .nil}}", map("nil", null)));
    }

    @Test
    void printfVerbs() {
        Map<String, Object> d = map("s", "hi", "n", 5L, "f", 1.5, "b", true, "big", 255L);
        assertEquals("hi|5|1.5|1.500000|1.50|\"hi\"|6869|true|    5|5    |00005|+5",
                run("{{printf \"%s|%d|%v|%f|%.2f|%q|%x|%t|%5d|%-5d|%05d|%+d\" .s .n .f .f .f .s .s .b .n .n .n .n}}", d));
        assertEquals("ff|FF|377|11111111|0xff|'\\u00ff'|U+00FF|\u00ff",
                run("{{printf \"%x|%X|%o|%b|%#x|%+q|%U|%c\" .big .big .big .big .big .big .big .big}}", d));
        assertEquals("1.500000e+00|1.5|1.234567E+06|   3.142|-003.142|99.50%",
                run("{{printf \"%e|%g|%E|%8.3f|%08.3f|%.2f%%\" .f .f 1234567.0 3.14159 -3.14159 99.5}}", d));
        assertEquals("int64 float64 string bool map[string]interface {} []interface {} int <nil>",
                run("{{printf \"%T %T %T %T %T %T %T %T\" .n .f .s .b . (list) 1 nil}}", d));
        assertEquals("%!d(string=hi)|%!s(int64=5)|1 %!d(MISSING)|1%!(EXTRA int=2)|%!z(int=1)|%!s(<nil>)",
                run("{{printf \"%d\" .s}}|{{printf \"%s\" .n}}|{{printf \"%d %d\" 1}}|{{printf \"%d\" 1 2}}|"
                        + "{{printf \"%z\" 1}}|{{printf \"%s\" .nothing}}", d));
        assertEquals("[%!s(int64=1) x <nil>]", run("{{printf \"%s\" .}}", Arrays.asList(1L, "x", null)));
        assertEquals("    3|2 1|  é|hé", run("{{printf \"%*d\" 5 3}}|{{printf \"%[2]d %[1]d\" 1 2}}|"
                + "{{printf \"%3s\" \"é\"}}|{{printf \"%.2s\" \"héllo\"}}", null));
        assertEquals("2 0.1 1.00 1.235e+05 1.23e+05", run("{{printf \"%.0f %.1f %.2f %.3e %.3g\" 2.5 0.05 1.005 123456.0 123456.0}}", null));
    }

    @Test
    void escapingBuiltins() {
        assertEquals("&lt;&#34;&#39;&amp;&gt;", run("{{html .}}", "<\"'&>"));
        assertEquals("\\u003Ca href\\u003D\\\"x\\\"\\u003E\\u0026", run("{{js .}}", "<a href=\"x\">&"));
        assertEquals("a+b%26c%3Dd%2F%C3%A9~", run("{{urlquery .}}", "a b&c=d/é~"));
        assertEquals("&lt;no value&gt;", run("{{html .missing}}", map()));
        assertEquals("1a2", run("{{html 1 \"a\" 2}}", null));
    }

    @Test
    void jsonEncoding() {
        Map<String, Object> d = map("z", 1L, "a", "<a&b>", "f", 25.0, "big", 1e21, "small", 1e-7, "n", null,
                "l", List.of(1.5, "x"), "m", map());
        assertEquals("{\"a\":\"\\u003ca\\u0026b\\u003e\",\"big\":1e+21,\"f\":25,\"l\":[1.5,\"x\"],\"m\":{},\"n\":null,"
                + "\"small\":1e-7,\"z\":1}", run("{{json .}}", d));
        assertEquals("{\"a\":\"<a&b>\"}", run("{{toRawJson (dict \"a\" .a)}}", d));
        assertEquals("{\n  \"a\": 1,\n  \"b\": [\n    2,\n    3\n  ]\n}", run("{{toPrettyJson .}}",
                map("b", List.of(2L, 3L), "a", 1L)));
        assertEquals("\"\\u2028\\b\\f\\u0001\\n\"", run("{{toJson .}}", "\u2028\b\f\u0001\n"));
        assertEquals("1000000", run("{{toJson .}}", 1000000.0));
        assertEquals("null null", run("{{toJson .missing}} {{toJson .n}}", map("n", null)));
        assertEquals("", run("{{toJson .}}", Double.NaN));
        assertEquals("\"AQI=\"", run("{{toJson .}}", new byte[] {1, 2}));
    }
}
