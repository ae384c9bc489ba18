package io.oort.engine.core.internal.template;

import static io.oort.engine.core.internal.template.TemplateActionsTest.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The public entry points: parse once, execute many times, from many threads. */
class TemplateApiTest {

    @Test
    void isTemplate() {
        assertTrue(Template.isTemplate("devices/{{.id}}"));
        assertFalse(Template.isTemplate("devices/plain"));
        assertFalse(Template.isTemplate(null));
    }

    @Test
    void parseOnceExecuteMany() {
        Template t = Template.parse("sink", "{\"device\":\"{{.id}}\",\"t\":{{.temperature}}}");
        assertEquals("sink", t.name());
        for (int i = 0; i < 100; i++) {
            assertEquals("{\"device\":\"d" + i + "\",\"t\":" + i + ".5}",
                    t.execute(map("id", "d" + i, "temperature", i + 0.5)));
        }
    }

    @Test
    void errorsAreAlwaysTemplateExceptions() {
        Template t = Template.parse("sink", "{{index . 3}}");
        assertThrows(TemplateException.class, () -> t.execute(List.of()));
        assertThrows(TemplateException.class, () -> t.execute(Map.of()));
        assertThrows(TemplateException.class, () -> Template.parse("sink", null));
        Template set = Template.parse("sink", "{{set . \"k\" 1}}");
        assertThrows(TemplateException.class, () -> set.execute(Map.of()));
        Template slice = Template.parse("sink", "{{substr 0 1 .}}");
        assertThrows(TemplateException.class, () -> slice.execute(42L));
        // a failed execution leaves the template usable
        assertEquals("x", Template.parse("sink", "{{.}}").execute("x"));
    }

    @Test
    void executeAppendsToABuilder() {
        StringBuilder sb = new StringBuilder("prefix:");
        Template.parse("sink", "{{.}}").execute(7L, sb);
        assertEquals("prefix:7", sb.toString());
    }

    @Test
    void concurrentExecutions() throws Exception {
        Template t = Template.parse("sink", "{{range $i, $e := .}}{{$i}}:{{$e.v}};{{end}}");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                final int base = k;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        List<Object> rows = List.of(map("v", (long) base), map("v", (long) i));
                        if (!t.execute(rows).equals("0:" + base + ";1:" + i + ";")) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : futures) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
