package io.oort.engine.core.internal.template;

import static io.oort.engine.core.internal.template.TemplateActionsTest.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Go's parse and execution error messages. */
class TemplateErrorsTest {

    private static String parseError(String text) {
        return assertThrows(TemplateException.class, () -> Template.parse("sink", text)).getMessage();
    }

    private static String execError(String text, Object data) {
        Template t = Template.parse("sink", text);
        return assertThrows(TemplateException.class, () -> t.execute(data)).getMessage();
    }

    @Test
    void parseErrors() {
        assertEquals("template: sink:1: unclosed action", parseError("{{.a"));
        assertEquals("template: sink:1: bad character U+007D '}'", parseError("{{.a}"));
        assertEquals("template: sink:1: unexpected EOF", parseError("{{if .a}}x"));
        assertEquals("template: sink:1: unexpected {{end}}", parseError("{{end}}"));
        assertEquals("template: sink:1: unexpected {{else}}", parseError("{{else}}"));
        assertEquals("template: sink:1: expected end; found {{else}}", parseError("{{range .a}}{{else}}{{else}}{{end}}"));
        assertEquals("template: sink:1: function \"foo\" not defined", parseError("{{foo .a}}"));
        assertEquals("template: sink:1: undefined variable \"$x\"", parseError("{{$x}}"));
        assertEquals("template: sink:1: undefined variable \"$x\"", parseError("{{with $x := 1}}{{end}}{{$x}}"));
        assertEquals("template: sink:1: non executable command in pipeline stage 2", parseError("{{.a | 1}}"));
        assertEquals("template: sink:1: unclosed left paren", parseError("{{(.a}}"));
        assertEquals("template: sink:1: unexpected \")\" in command", parseError("{{.a)}}"));
        assertEquals("template: sink:1: unterminated quoted string", parseError("{{\"abc}}"));
        assertEquals("template: sink:1: bad number syntax: \"3x\"", parseError("{{3x}}"));
        assertEquals("template: sink:1: unclosed comment", parseError("{{/* x }}"));
        assertEquals("template: sink:1: comment ends before closing delimiter", parseError("{{/* x */ }}"));
        assertEquals("template: sink:1: missing value for command", parseError("{{ }}"));
        assertEquals("template: sink:1: missing value for if", parseError("{{if}}{{end}}"));
        assertEquals("template: sink:1: {{break}} outside {{range}}", parseError("{{break}}"));
        assertEquals("template: sink:1: template: multiple definition of template \"a\"",
                parseError("{{define \"a\"}}x{{end}}{{define \"a\"}}y{{end}}"));
        assertEquals("template: sink:1: unexpected . after term \"true\"", parseError("{{true.x}}"));
        assertEquals("template: sink:1: integer overflow: \"99999999999999999999\"", parseError("{{99999999999999999999}}"));
        assertEquals("template: sink:1: too many declarations in range", parseError("{{range $i, $e, $f := .}}{{end}}"));
        assertEquals("template: sink:3: function \"b\" not defined", parseError("a\n{{.a\nb}}"));
        assertEquals("template: sink:2: unclosed action started at sink:1", parseError("{{.a\n"));
        assertEquals("template: sink:1: unexpected \"\\\"abcdefghi\"... in operand", parseError("{{1\"abcdefghijkl\"}}"));
    }

    @Test
    void missingAndNilValues() {
        Map<String, Object> d = map("a", null, "n", 5.0, "s", "hi", "l", Arrays.asList(1L, null));
        assertEquals("template: sink:1:4: executing \"sink\" at <.a.x>: nil pointer evaluating interface {}.x",
                execError("{{.a.x}}", d));
        assertEquals("template: sink:1:4: executing \"sink\" at <.n.x>: can't evaluate field x in type interface {}",
                execError("{{.n.x}}", d));
        assertEquals("template: sink:1:2: executing \"sink\" at <.x>: can't evaluate field x in type string",
                execError("{{.x}}", "str"));
        assertEquals("template: sink:1:2: executing \"sink\" at <len .a>: error calling len: len of nil pointer",
                execError("{{len .a}}", d));
        assertEquals("template: sink:1:2: executing \"sink\" at <len .zz>: error calling len: "
                + "reflect: call of reflect.Value.Type on zero Value", execError("{{len .zz}}", d));
        assertEquals("template: sink:1:8: executing \"sink\" at <.zz>: invalid value; expected string",
                execError("{{upper .zz}}", d));
        assertEquals("template: sink:1:8: executing \"sink\" at <.a>: wrong type for value; expected string; got interface {}",
                execError("{{upper .a}}", d));
        assertEquals("template: sink:1:2: executing \"sink\" at <.s>: s is not a method but has arguments",
                execError("{{.s 1}}", d));
    }

    @Test
    void comparisonErrors() {
        Map<String, Object> d = map("f", 1.5, "i", 2L, "s", "x", "l", Arrays.asList(1L));
        assertEquals("template: sink:1:2: executing \"sink\" at <eq .f 1>: error calling eq: "
                + "incompatible types for comparison: float64 and int", execError("{{eq .f 1}}", d));
        assertEquals("template: sink:1:2: executing \"sink\" at <lt .s .i>: error calling lt: "
                + "incompatible types for comparison: string and int64", execError("{{lt .s .i}}", d));
        assertEquals("template: sink:1:2: executing \"sink\" at <lt .zz 1>: error calling lt: invalid type for comparison",
                execError("{{lt .zz 1}}", d));
        assertEquals("template: sink:1:2: executing \"sink\" at <lt true false>: error calling lt: "
                + "invalid type for comparison", execError("{{lt true false}}", d));
        assertEquals("template: sink:1:2: executing \"sink\" at <eq .l .l>: error calling eq: "
                + "non-comparable type [%!s(int64=1)]: []interface {}", execError("{{eq .l .l}}", d));
        assertEquals("true false true", TemplateActionsTest.run("{{eq .i 2}} {{eq .zz 1}} {{eq .zz nil}}", d));
        assertEquals("true", TemplateActionsTest.run("{{eq .s \"a\" \"x\"}}", d));
    }

    @Test
    void callErrors() {
        assertEquals("template: sink:1:2: executing \"sink\" at <len>: wrong number of args for len: want 1 got 0",
                execError("{{len}}", null));
        assertEquals("template: sink:1:2: executing \"sink\" at <eq>: wrong number of args for eq: want at least 1 got 0",
                execError("{{eq}}", null));
        assertEquals("template: sink:1:9: executing \"sink\" at <1.5>: expected integer; found 1.5",
                execError("{{repeat 1.5 \"x\"}}", null));
        assertEquals("template: sink:1:2: executing \"sink\" at <div 1 0>: error calling div: "
                + "runtime error: integer divide by zero", execError("{{div 1 0}}", null));
        assertEquals("template: sink:1:2: executing \"sink\" at <index .l 5>: error calling index: index out of range: 5",
                execError("{{index .l 5}}", map("l", Arrays.asList(1L))));
        assertEquals("template: sink:1:2: executing \"sink\" at <nil>: nil is not a command", execError("{{nil}}", null));
        assertEquals("template: sink:1:2: executing \"sink\" at <1>: can't give argument to non-function 1",
                execError("{{1 2}}", null));
        assertEquals("template: sink:1:11: executing \"sink\" at <{{template \"b\"}}>: template \"b\" not defined",
                execError("{{template \"b\"}}", null));
        assertEquals("template: sink:1:8: executing \"sink\" at <.s>: range can't iterate over hi",
                execError("{{range .s}}{{end}}", map("s", "hi")));
        assertEquals("template: sink:1:2: executing \"sink\" at <fail \"boom\">: error calling fail: boom",
                execError("{{fail \"boom\"}}", null));
        assertEquals("template: sink:1:2: executing \"sink\" at <set . \"k\" 1>: error calling set: "
                + "assignment to entry in read-only map", execError("{{set . \"k\" 1}}", Map.of("a", 1L)));
        assertEquals("template: sink:2:5: executing \"sink\" at <.x.y>: can't evaluate field y in type interface {}",
                execError("a\n {{.x.y}}", map("x", 1L)));
    }

    @Test
    void recursionIsBounded() {
        String msg = execError("{{define \"r\"}}{{template \"r\" .}}{{end}}{{template \"r\" .}}", null);
        assertEquals(true, msg.contains("exceeded maximum template depth"), msg);
    }
}
