package io.oort.engine.core.internal.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential cases recorded from Go's text/template with Sprig (the TxtFuncMap eKuiper
 * installs) and eKuiper's json/base64: each template runs on the same data and must produce
 * byte-identical output, or the identical parse/execution error. Where Go changed after the
 * recording toolchain, the expectation follows the current Go release (comparison errors naming
 * both types, range over integers, else-with, JSON \b and \f escapes).
 */
class TemplateGoConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> matchesGo() {
        List<String[]> all = new ArrayList<>();
        for (String[][] cases : List.of(GoConformanceCases1.CASES, GoConformanceCases2.CASES,
                GoConformanceCases3.CASES, GoConformanceCases4.CASES)) {
            all.addAll(List.of(cases));
        }
        return all.stream().map(c -> DynamicTest.dynamicTest(c[2] + " " + c[0], () -> check(c)));
    }

    private static void check(String[] c) throws Exception {
        Object data = toOort(JSON.readTree(c[1]), c[2].equals("I"));
        assertEquals(c[3], run(c[0], data), () -> "template " + c[0] + " on " + c[1]);
    }

    static String run(String text, Object data) {
        StringBuilder sb = new StringBuilder();
        Template t;
        try {
            t = Template.parse("sink", text);
        } catch (TemplateException e) {
            return "PARSE ERROR: " + e.getMessage();
        }
        try {
            t.execute(data, sb);
        } catch (TemplateException e) {
            sb.append("\nEXEC ERROR: ").append(e.getMessage());
        }
        return sb.toString();
    }

    /** JSON to Oort values: float64 numbers (eKuiper's decoding) or Long for integral ones. */
    static Object toOort(JsonNode n, boolean ints) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), toOort(e.getValue(), ints));
            }
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.forEach(x -> l.add(toOort(x, ints)));
            return l;
        }
        if (n.isTextual()) {
            return n.asText();
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (ints && n.isIntegralNumber() && n.canConvertToLong()) {
            return n.asLong();
        }
        return Double.parseDouble(n.asText());
    }
}
