package io.oort.engine.core.internal.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples of eKuiper's docs/en_US/guide/sinks/data_template.md and its sink tests, on Oort values. */
class TemplateEkuiperDocsTest {

    private static String run(String text, Object data) {
        return Template.parse("sink", text).execute(data);
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private final Map<String, Object> row1 = map("ab", "hello1");
    private final List<Object> rows = List.of(row1, map("ab", "hello2"));

    @Test
    void sendSingleTemplates() {
        assertEquals("{\"content\":{\"ab\":\"hello1\"}}", run("{\"content\":{{json .}}}", row1));
        assertEquals("{\"content\":hello1}", run("{\"content\":{{.ab}}}", row1));
        assertEquals("{\"content\":\"hello1\"}", run("{\"content\":\"{{.ab}}\"}", row1));
    }

    @Test
    void wholeArrayTemplates() {
        assertEquals("{\"content\":[{\"ab\":\"hello1\"},{\"ab\":\"hello2\"}]}", run("{\"content\":{{json .}}}", rows));
        assertEquals("{\"content\":{\"ab\":\"hello1\"}}", run("{\"content\":{{json (index . 0)}}}", rows));
        assertEquals("{\"content\":hello1}", run("{\"content\":{{index . 0 \"ab\"}}}", rows));
        assertEquals("<div>results</div><ul><li>hello1</li><li>hello2</li></ul>",
                run("<div>results</div><ul>{{range .}}<li>{{.ab}}</li>{{end}}</ul>", rows));
    }

    @Test
    void toJsonOfEachRecord() {
        Map<String, Object> r = map("device_id", "1", "t_av", 36.25, "t_count", 4L, "t_max", 80L, "t_min", 10L);
        assertEquals("{\"device_id\":\"1\",\"t_av\":36.25,\"t_count\":4,\"t_max\":80,\"t_min\":10}", run("{{toJson .}}", r));
        Map<String, Object> r2 = map("device_id", "2", "t_av", 27.0, "t_count", 4.0, "t_max", 45.0, "t_min", 12.0);
        assertEquals("{\"device_id\":\"2\",\"t_av\":27,\"t_count\":4,\"t_max\":45,\"t_min\":12}", run("{{json .}}", r2));
    }

    @Test
    void dataContentConversion() {
        String t = "{\"device_id\": {{.device_id}}, \"description\": \"{{if lt .t_av 30.0}}Current temperature is {{.t_av}}, "
                + "it's normal.\"{{else if ge .t_av 30.0}}Current temperature is {{.t_av}}, it's high.\"{{end}}}";
        assertEquals("{\"device_id\": 1, \"description\": \"Current temperature is 36.25, it's high.\"}",
                run(t, map("device_id", "1", "t_av", 36.25, "t_count", 4L)));
        assertEquals("{\"device_id\": 2, \"description\": \"Current temperature is 27, it's normal.\"}",
                run(t, map("device_id", "2", "t_av", 27.0, "t_count", 4L)));
    }

    @Test
    void comparingFloatDataWithAnIntegerLiteralFailsAsInGo() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> run("{{if lt .t_av 30}}low{{end}}", map("t_av", 27.0)));
        assertEquals("template: sink:1:5: executing \"sink\" at <lt .t_av 30>: error calling lt: "
                + "incompatible types for comparison: float64 and int", e.getMessage());
        // an int64 column against a float literal is the mirror case
        e = assertThrows(TemplateException.class, () -> run("{{if ge .count 30.0}}x{{end}}", map("count", 4L)));
        assertEquals("template: sink:1:5: executing \"sink\" at <ge .count 30.0>: error calling ge: "
                + "incompatible types for comparison: int64 and float64", e.getMessage());
        assertEquals("low", run("{{if lt .count 30}}low{{end}}", map("count", 4L)));
    }

    @Test
    void dataTraversal() {
        String t = "{{$len := len .values}} {{$loopsize := add $len -1}} {\"device_id\": \"{{.device_id}}\", "
                + "\"description\": [{{range $index, $ele := .values}} {{if le .temperature 25.0}}\"fine\"{{else if gt "
                + ".temperature 25.0}}\"high\"{{end}} {{if eq $loopsize $index}}]{{else}},{{end}}{{end}}}";
        List<Object> values = new ArrayList<>();
        for (double d : new double[] {10.5, 20.3, 30.3}) {
            values.add(map("temperature", d));
        }
        assertEquals("  {\"device_id\": \"1\", \"description\": [ \"fine\" , \"fine\" , \"high\" ]}",
                run(t, map("device_id", "1", "values", values)));
    }

    @Test
    void ifElseAroundJson() {
        String t = "{{if .hot}} {\"field1\": true} {{else}}  {\"field1\": false} {{end}}";
        assertEquals(" {\"field1\": true} ", run(t, map("hot", true)));
        assertEquals("  {\"field1\": false} ", run(t, map("hot", false)));
    }

    @Test
    void dynamicProperties() {
        Template t = Template.parse("sink", "devices/{{.a}}");
        assertEquals("devices/123", t.execute(map("a", 123L, "b", "dafds")));
        assertEquals("devices/single", t.execute(map("a", "single", "c", 20.2)));
        assertEquals("devices/<no value>", t.execute(map("b", "b", "c", "c")));
        assertEquals("schema_1", run("schema_{{.a}}", map("a", 1L, "b", 2L)));
        assertEquals("2_comma", run("{{.b}}_comma", map("a", 1L, "b", 2L)));
        assertEquals("t_1_t", run("t_{{index . 0 \"a\"}}_t", List.of(map("a", 1L, "b", 2L))));
        assertEquals("t_<no value>_t", run("t_{{index . 0 \"a\"}}_t", List.of(map("data", map("a", 5L)))));
    }

    @Test
    void templateOfMissingFieldsGivesNoValue() {
        assertEquals("{\"ab\":1,\"bb\":2}", run("{\"ab\":{{.a}},\"bb\":{{.b}}}", map("a", 1L, "b", 2L)));
        assertEquals("{\"ab\":<no value>,\"bb\":<no value>}",
                run("{\"ab\":{{.a}},\"bb\":{{.b}}}", map("data", map("a", 5L))));
        assertEquals("[{\"v\":1},{\"v\":2}]", run("[{\"v\":{{.a}}},{\"v\":{{.b}}}]", map("a", 1L, "b", 2L)));
    }

    @Test
    void indexOutOfRangeOnEmptyBatch() {
        TemplateException e = assertThrows(TemplateException.class, () -> run("t_{{index . 0 \"a\"}}_t", List.of()));
        assertEquals("template: sink:1:4: executing \"sink\" at <index . 0 \"a\">: error calling index: "
                + "reflect: slice index out of range", e.getMessage());
    }

    @Test
    void fieldOfTheWholeBatch() {
        TemplateException e = assertThrows(TemplateException.class, () -> run("{\"content\":{{.ab}}}", rows));
        assertEquals("template: sink:1:13: executing \"sink\" at <.ab>: can't evaluate field ab in type "
                + "[]map[string]interface {}", e.getMessage());
    }

    @Test
    void invalidDataTemplate() {
        TemplateException e = assertThrows(TemplateException.class, () -> Template.parse("sink", "{{...a}}"));
        assertEquals("template: sink:1: unexpected <.> in operand", e.getMessage());
    }

    @Test
    void ekuiperFunctions() {
        assertEquals("aGk=", run("{{base64 .s}}", map("s", "hi")));
        assertEquals("MTIz", run("{{base64 .n}}", map("n", 123L)));
        assertEquals("MS41", run("{{base64 .f}}", map("f", 1.5)));
        assertEquals("dHJ1ZQ==", run("{{base64 true}}", null));
        assertEquals("eyJhIjoxfQ==", run("{{base64 .}}", map("a", 1L)));
        TemplateException e = assertThrows(TemplateException.class, () -> run("{{base64 .l}}", map("l", List.of())));
        assertEquals("template: sink:1:2: executing \"sink\" at <base64 .l>: error calling base64: "
                + "Unsupported data type slice for base64 function.", e.getMessage());
        e = assertThrows(TemplateException.class, () -> run("{{base64 .x}}", map()));
        assertEquals("template: sink:1:2: executing \"sink\" at <base64 .x>: error calling base64: based64 error for nil",
                e.getMessage());
        assertEquals("unknownKey", run("{{prop \"unknownKey\"}}", null));
        try {
            Template.setPropertyResolver(k -> k.equals("region") ? "eu" : null);
            assertEquals("eu/x", run("{{prop \"region\"}}/x", null));
        } finally {
            Template.setPropertyResolver(null);
        }
        assertEquals(true, Long.parseLong(run("{{prop \"et\"}}", null)) > 1_600_000_000_000L);
    }
}
