package io.oort.engine.core.internal.template;

import static io.oort.engine.core.internal.template.TemplateActionsTest.map;
import static io.oort.engine.core.internal.template.TemplateActionsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Sprig functions eKuiper templates use. */
class TemplateSprigTest {

    private final Map<String, Object> d = map("s", "hello", "n", 5L, "f", 1.5, "l", Arrays.asList(1L, "x", null),
            "m", map("b", 2L, "a", 1L), "csv", "a,b,c");

    @Test
    void strings() {
        assertEquals("HELLO|hello|Hello World-Foo_bar|x|x|ih|hi|heLLo|ababab",
                run("{{upper .s}}|{{lower \"HELLO\"}}|{{title \"hello world-foo_bar\"}}|{{trim \"  x \"}}|"
                        + "{{trimAll \"$\" \"$$x$\"}}|{{trimPrefix \"h\" \"hih\"}}|{{trimSuffix \"h\" \"hih\"}}|"
                        + "{{replace \"l\" \"L\" .s}}|{{repeat 3 \"ab\"}}", d));
        assertEquals("el|ello|he|lo|true|true|true", run("{{substr 1 3 .s}}|{{substr 1 -1 .s}}|{{trunc 2 .s}}|"
                + "{{trunc -2 .s}}|{{contains \"ell\" .s}}|{{hasPrefix \"he\" .s}}|{{hasSuffix \"lo\" .s}}", d));
        assertEquals("\"a\\\"b\" \"1\"|'a' '2'|a 1 b|  a\n  b|\n  a", run("{{quote \"a\\\"b\" 1 .zz}}|{{squote \"a\" 2}}|"
                + "{{cat \"a\" 1 .zz \"b\"}}|{{indent 2 \"a\\nb\"}}|{{nindent 2 \"a\"}}", d));
        assertEquals("[a b c]|a-b-c|1-x|1.5|[1 x]|map[_0:a _1:b,c]",
                run("{{splitList \",\" .csv}}|{{splitList \",\" .csv | join \"-\"}}|{{join \"-\" .l}}|{{toString .f}}|"
                        + "{{toStrings .l}}|{{splitn \",\" 2 .csv}}", d));
        assertEquals("hello...", run("{{abbrev 8 \"hello world\"}}", d).replace("hello...", "hello..."));
        assertEquals("[a b c]", run("{{sortAlpha (list \"c\" \"a\" \"b\")}}", d));
    }

    @Test
    void math() {
        assertEquals("8|2|4|30|3|1|5|1|1|2|1.23|3", run("{{add 1 2 .n}}|{{add1 .f}}|{{sub 5 .f}}|{{mul 2 3 .n}}|"
                + "{{div 7 2}}|{{mod 7 3}}|{{max 1 .n 3}}|{{min 3 .f}}|{{floor 1.7}}|{{ceil 1.2}}|{{round 1.2345 2}}|"
                + "{{round 2.5 0}}", d));
        assertEquals("3.3|0.1|3.3|0.3333333333333333|2.5|2.5|1", run("{{addf 1.1 2.2}}|{{subf 1 0.9}}|{{mulf 1.1 3}}|"
                + "{{divf 1 3}}|{{add1f 1.5}}|{{maxf 1 2.5}}|{{minf 1 2.5}}", d));
        assertEquals("12|31|10|0|1.5|12|0|1|1", run("{{int64 \"12\"}}|{{int \"0x1F\"}}|{{int \"10.0\"}}|{{int \"10.5\"}}|"
                + "{{float64 \"1.5\"}}|{{atoi \"12\"}}|{{atoi \"x\"}}|{{int 1.9}}|{{int64 true}}", d));
        assertEquals("1 2 3|[0 1 2]|[0 3 6 9]", run("{{seq 3}}|{{until 3}}|{{untilStep 0 10 3}}", d));
        assertEquals("int64 float64 int", run("{{typeOf (add 1 2)}} {{typeOf (addf 1 2)}} {{typeOf (int 2)}}", d));
    }

    @Test
    void defaults() {
        assertEquals("d|d|d|d|hello|true|true|false|x|<no value>|y|hello|false|true",
                run("{{default \"d\" .zz}}|{{default \"d\" .nil}}|{{default \"d\" \"\"}}|{{default \"d\" 0}}|"
                        + "{{default \"d\" .s}}|{{empty (list)}}|{{empty 0}}|{{empty .m}}|{{coalesce .zz \"\" \"x\"}}|"
                        + "{{coalesce .zz}}|{{ternary \"y\" \"n\" true}}|{{.s | default \"z\"}}|{{all 1 \"\"}}|{{any 0 \"a\"}}",
                        withNil()));
    }

    private Map<String, Object> withNil() {
        Map<String, Object> m = map();
        m.putAll(d);
        m.put("nil", null);
        return m;
    }

    @Test
    void lists() {
        assertEquals("[1 a <nil>]|1|<no value>|[x <nil>]|[1 x]|<no value>|[]|[1 x <nil> 9]|[0 1 x <nil>]",
                run("{{list 1 \"a\" .zz}}|{{first .l}}|{{last .l}}|{{rest .l}}|{{initial .l}}|{{first (list)}}|"
                        + "{{rest (list)}}|{{append .l 9}}|{{prepend .l 0}}", d));
        assertEquals("[1 x <nil> 7]|[1 2]|true|[1 <nil>]|[<nil> x 1]|[1 x]|[x <nil>]|[x]|[[1 x] [<nil>]]",
                run("{{concat .l (list 7)}}|{{uniq (list 1 1 2)}}|{{has \"x\" .l}}|{{without .l \"x\"}}|{{reverse .l}}|"
                        + "{{compact .l}}|{{slice .l 1}}|{{slice .l 1 2}}|{{chunk 2 .l}}", d));
        assertEquals("template: t:1:2: executing \"t\" at <first .s>: error calling first: Cannot find first on type string",
                assertThrowsMsg("{{first .s}}"));
    }

    private String assertThrowsMsg(String t) {
        try {
            run(t, d);
        } catch (TemplateException e) {
            return e.getMessage();
        }
        return "no error";
    }

    @Test
    void dicts() {
        assertEquals("map[a:1 b:]|1||true|map[a:1]|map[b:2]|map[a:1 b:3]|map[a:2 b:3]|[1 9]|1|def",
                run("{{dict \"a\" 1 \"b\"}}|{{get .m \"a\"}}|{{get .m \"q\"}}|{{hasKey .m \"a\"}}|{{pick .m \"a\" \"q\"}}|"
                        + "{{omit .m \"a\"}}|{{merge (dict \"a\" 1) (dict \"a\" 2 \"b\" 3)}}|"
                        + "{{mergeOverwrite (dict \"a\" 1) (dict \"a\" 2 \"b\" 3)}}|{{pluck \"a\" .m (dict \"a\" 9)}}|"
                        + "{{dig \"c\" \"z\" \"def\" (dict \"c\" (dict \"z\" 1))}}|{{dig \"c\" \"q\" \"def\" (dict \"c\" (dict))}}",
                        d));
        assertEquals("[a b]|[1 2]", run("{{keys .m | sortAlpha}}|{{values .m}}", d));
        assertEquals("map[a:1 b:2]", run("{{$x := dict \"a\" 1}}{{$_ := set $x \"b\" 2}}{{$x}}", d));
        assertEquals("map[k:v]", run("{{$x := dict \"k\" \"v\" \"z\" 1}}{{unset $x \"z\"}}", d));
    }

    @Test
    void conversionAndEncoding() {
        assertEquals("aGVsbG8=|hello|illegal base64 data at input byte 4|NBUQ====|hi",
                run("{{b64enc .s}}|{{b64dec \"aGVsbG8=\"}}|{{b64dec \"aGVsbG8\"}}|{{b32enc \"hi\"}}|{{b32dec \"NBUQ====\"}}", d));
        assertEquals("map[a:[1 2.5 x <nil> true]]|<no value>|2.5",
                run("{{fromJson \"{\\\"a\\\":[1,2.5,\\\"x\\\",null,true]}\"}}|{{fromJson \"bad\"}}|"
                        + "{{(fromJson \"{\\\"v\\\":2.5}\").v}}", d));
        assertEquals("error calling mustFromJson: invalid character 'b' looking for beginning of value",
                assertThrowsMsg("{{mustFromJson \"bad\"}}").replaceFirst("^.*>: ", ""));
        assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", run("{{sha1sum \"abc\"}}", d));
        assertTrue(run("{{uuidv4}}", d).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
        assertEquals("true|[12 34]|-W-xxW-", run("{{regexMatch \"^[a-z]+$\" \"abc\"}}|{{regexFindAll \"[0-9]+\" "
                + "\"ab12cd34\" -1}}|{{regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"${1}W\"}}", d));
    }

    @Test
    void dates() {
        assertEquals("2023-11-14 22:13:20", run("{{dateInZone \"2006-01-02 15:04:05\" 1700000000 \"UTC\"}}", d)
                .replace("1700000000", ""));
        assertEquals("1704153600", run("{{unixEpoch (toDate \"2006-01-02 MST\" \"2024-01-02 UTC\")}}", d));
        assertEquals("1m35s|1h1m40s|2h|0s", run("{{duration \"95\"}}|{{duration \"3700\"}}|{{durationRound \"2h5m\"}}|"
                + "{{duration 95}}", d));
        Instant t = Instant.parse("2024-03-01T10:20:30Z");
        assertEquals("2024-03-01T10:20:30Z 11:20",
                run("{{dateInZone \"2006-01-02T15:04:05Z07:00\" .t \"UTC\"}} {{dateInZone \"15:04\" .t \"Europe/Paris\"}}",
                        map("t", t)));
        String local = ZonedDateTime.ofInstant(t, ZoneId.systemDefault()).toLocalDate().toString();
        assertEquals(local, run("{{date \"2006-01-02\" .t}}", map("t", t)));
        assertEquals("2024-01-02 01:00:00 +0000 UTC",
                run("{{dateModify \"1h\" (toDate \"2006-01-02 MST\" \"2024-01-02 UTC\")}}", d));
        assertTrue(run("{{now | unixEpoch}}", d).matches("\\d{10}"));
    }

    @Test
    void reflection() {
        assertEquals("int64|[]interface {}|map|true|true|true",
                run("{{typeOf .n}}|{{typeOf .l}}|{{kindOf .m}}|{{kindIs \"slice\" .l}}|{{typeIs \"string\" .s}}|"
                        + "{{deepEqual .l .l}}", d));
        assertEquals("[]string", run("{{typeOf (splitList \",\" .csv)}}", d));
        List<Object> l = List.of();
        assertEquals("true", run("{{empty .}}", l));
    }
}
