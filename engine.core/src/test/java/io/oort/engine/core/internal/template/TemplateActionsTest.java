package io.oort.engine.core.internal.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every action kind, pipelines, variables and scoping, control flow and whitespace trimming. */
class TemplateActionsTest {

    static String run(String text, Object data) {
        return Template.parse("t", text).execute(data);
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private final Map<String, Object> data = map("id", "d1", "n", 5L, "t", 25.5, "ok", true,
            "tags", Arrays.asList("a", "b", null), "m", map("b", 2L, "a", 1L, "c", map("z", "deep")),
            "empty", new ArrayList<>(), "nil", null);

    @Test
    void textAndFields() {
        assertEquals("plain text", run("plain text", data));
        assertEquals("", run("", data));
        assertEquals("d1 5 25.5 true", run("{{.id}} {{.n}} {{.t}} {{.ok}}", data));
        assertEquals("deep 1", run("{{.m.c.z}} {{.m.a}}", data));
        assertEquals("<no value> <no value> <no value>", run("{{.missing}} {{.missing.deeper}} {{.nil}}", data));
        assertEquals("[a b <nil>] map[a:1 b:2 c:map[z:deep]] []", run("{{.tags}} {{.m}} {{.empty}}", data));
        assertEquals("<no value>", run("{{.}}", null));
        assertEquals("<no value>", run("{{.x}}", null));
    }

    @Test
    void dotAndRootVariable() {
        assertEquals("map[a:1]", run("{{.}}", map("a", 1L)));
        assertEquals("d1", run("{{with .m}}{{$.id}}{{end}}", data));
        assertEquals("1", run("{{$.m.a}}", data));
        assertEquals("x", run("{{.}}", "x"));
    }

    @Test
    void pipelines() {
        assertEquals("D1", run("{{.id | upper}}", data));
        assertEquals("\"D1\"", run("{{.id | upper | printf \"%q\"}}", data));
        assertEquals("a-5", run("{{.n | printf \"%s-%d\" \"a\"}}", data));
        assertEquals("3", run("{{len .tags}}", data));
        assertEquals("true", run("{{len .tags | eq 3}}", data));
        assertEquals("8", run("{{(add .n 3)}}", data));
        assertEquals("2", run("{{(.m).b}}", data));
        assertEquals("1", run("{{(dict \"k\" 1).k}}", data));
    }

    @Test
    void variablesAndScoping() {
        assertEquals("5", run("{{$x := .n}}{{$x}}", data));
        assertEquals("6", run("{{$x := .n}}{{$x = add $x 1}}{{$x}}", data));
        assertEquals("in:1 out:0", run("{{$v := 0}}{{if true}}{{$v := 1}}in:{{$v}}{{end}} out:{{$v}}", data));
        assertEquals("2", run("{{$v := 0}}{{if true}}{{$v = 2}}{{end}}{{$v}}", data));
        assertEquals("deep", run("{{with $c := .m.c}}{{$c.z}}{{end}}", data));
        assertEquals("5", run("{{$n := .n}}{{range .tags}}{{end}}{{$n}}", data));
    }

    @Test
    void ifElseChains() {
        assertEquals("yes", run("{{if .ok}}yes{{else}}no{{end}}", data));
        assertEquals("mid", run("{{if gt .n 10}}big{{else if gt .n 3}}mid{{else}}small{{end}}", data));
        assertEquals("no", run("{{if .nil}}yes{{else}}no{{end}}", data));
        assertEquals("no", run("{{if .empty}}yes{{else}}no{{end}}", data));
        assertEquals("no", run("{{if .missing}}yes{{else}}no{{end}}", data));
        assertEquals("yes", run("{{if and .ok .id}}yes{{end}}", data));
        assertEquals("d1", run("{{or .missing .id}}", data));
        assertEquals("<no value>", run("{{and .missing .id}}", data));
        assertEquals("false true", run("{{not .ok}} {{not 0}}", data));
        assertEquals("zero-float", run("{{if 0.0}}x{{else}}zero-float{{end}}", data));
    }

    @Test
    void rangeOverListsAndMaps() {
        assertEquals("[a][b][<no value>]", run("{{range .tags}}[{{.}}]{{end}}", data));
        assertEquals("0=a 1=b 2=<no value> ", run("{{range $i, $e := .tags}}{{$i}}={{$e}} {{end}}", data));
        assertEquals("a b <no value> ", run("{{range $e := .tags}}{{$e}} {{end}}", data));
        assertEquals("a:1 b:2 c:map[z:deep] ", run("{{range $k, $v := .m}}{{$k}}:{{$v}} {{end}}", data));
        assertEquals("1 2 map[z:deep] ", run("{{range .m}}{{.}} {{end}}", data));
        assertEquals("none", run("{{range .empty}}x{{else}}none{{end}}", data));
        assertEquals("none", run("{{range .missing}}x{{else}}none{{end}}", data));
        assertEquals("none", run("{{range .nil}}x{{else}}none{{end}}", data));
        assertEquals("012", run("{{range 3}}{{.}}{{end}}", data));
        assertEquals("01234", run("{{range $i := .n}}{{$i}}{{end}}", data));
        Map<String, Object> unsorted = new LinkedHashMap<>();
        unsorted.put("zeta", 1L);
        unsorted.put("Alpha", 2L);
        unsorted.put("beta", 3L);
        assertEquals("Alpha beta zeta ", run("{{range $k, $v := .}}{{$k}} {{end}}", unsorted));
    }

    @Test
    void breakAndContinue() {
        List<Object> l = List.of(1L, 2L, 3L, 4L, 5L);
        assertEquals("12", run("{{range .}}{{if eq . 3}}{{break}}{{end}}{{.}}{{end}}", l));
        assertEquals("1245", run("{{range .}}{{if eq . 3}}{{continue}}{{end}}{{.}}{{end}}", l));
        assertEquals("a1a2b1b2", run("{{range (list \"a\" \"b\")}}{{$o := .}}{{range (list 1 2 3)}}{{if eq . 3}}"
                + "{{break}}{{end}}{{$o}}{{.}}{{end}}{{end}}", null));
    }

    @Test
    void withAndElseWith() {
        assertEquals("deep", run("{{with .m.c}}{{.z}}{{end}}", data));
        assertEquals("fallback", run("{{with .missing}}{{.}}{{else}}fallback{{end}}", data));
        assertEquals("d1", run("{{with .missing}}a{{else with .id}}{{.}}{{else}}c{{end}}", data));
        assertEquals("c", run("{{with .missing}}a{{else with .nil}}b{{else}}c{{end}}", data));
    }

    @Test
    void defineTemplateBlock() {
        assertEquals("[d1][<no value>]", run("{{define \"T\"}}[{{.}}]{{end}}{{template \"T\" .id}}{{template \"T\"}}", data));
        assertEquals("<5>", run("{{block \"B\" .n}}<{{.}}>{{end}}", data));
        assertEquals("x(5)", run("{{template \"x\" .}}{{define \"x\"}}x{{template \"y\" .n}}{{end}}"
                + "{{define \"y\"}}({{.}}){{end}}", data));
        // variables do not leak into invoked templates: $ is the template argument
        assertEquals("5", run("{{define \"r\"}}{{$}}{{end}}{{$v := 1}}{{template \"r\" .n}}", data));
        assertEquals("", run("{{define \"only\"}}x{{end}}", data));
    }

    @Test
    void comments() {
        assertEquals("ab", run("a{{/* a comment */}}b", data));
        assertEquals("ab", run("a {{- /* trimmed */ -}} b", data));
        assertEquals("ab", run("a{{/* multi\nline */}}b", data));
    }

    @Test
    void whitespaceTrimming() {
        assertEquals("a5b", run("a  {{- .n -}}  b", data));
        assertEquals("a 5b", run("a {{.n -}}\n\t b", data));
        assertEquals("a5 b", run("a\n {{- .n}} b", data));
        assertEquals("[a,b,]", run("[{{range .tags -}}\n  {{if .}}{{.}},{{end}}\n{{- end}}]", data));
        assertEquals("-3", run("{{-3}}", data));
        assertEquals("-3", run("{{- -3 -}}", data));
    }

    @Test
    void literals() {
        assertEquals("31 1000 15 15 1000 97 -5 5 0.5", run("{{0x1F}} {{1e3}} {{0o17}} {{017}} {{1_000}} {{'a'}} {{-5}} {{+5}} {{.5}}", null));
        assertEquals("é\tA raw\\n", run("{{\"\\u00e9\\t\\x41\"}} {{`raw\\n`}}", null));
        assertEquals("true false", run("{{true}} {{false}}", null));
    }
}
