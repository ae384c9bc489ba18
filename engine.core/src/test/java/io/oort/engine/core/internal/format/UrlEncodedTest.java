package io.oort.engine.core.internal.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.oort.engine.sql.ast.StreamStatement;
import io.oort.engine.sql.eval.Tuple;
import io.oort.engine.sql.parser.SqlParser;

/** FORMAT="urlencoded" with the cases of eKuiper's converter tests and Go's net/url rules. */
class UrlEncodedTest {

    private static String enc(Map<String, Object> row) {
        return new String(Formats.encoder("urlencoded", ",", false).encodeRow(row), StandardCharsets.UTF_8);
    }

    @Test
    void encodesRowsAsGoDoes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("c", 20L);
        m.put("a", "b");
        assertEquals("a=b&c=20", enc(m));
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("a", List.of(10L, 20L, 40L));
        nested.put("b", List.of(Map.of("a", "b")));
        nested.put("c", Map.of("a", "b"));
        // every list repeats its key (eKuiper's case with a Go []map[string]any, which its encoder does not treat
        // as a list, cannot arise from decoded data: JSON arrays decode to []any there too)
        assertEquals("a=10&a=20&a=40&b=map%5Ba%3Ab%5D&c=map%5Ba%3Ab%5D", enc(nested));
        assertEquals("k=a+b%2A~~&t=1.5", enc(Map.of("k", "a b*~~", "t", 1.5)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Formats.encoder("urlencoded", ",", false).encodeRows(List.of(Map.of("a", 1L))));
        assertEquals("unsupported type [map[a:1]], must be a map", e.getMessage());
    }

    @Test
    void decodesIntoTheSchemaLikeJsonMaps() throws Exception {
        assertEquals(Map.of("a", "b", "c", "20"), UrlEncoded.parse("a=b&c=20"));
        assertEquals(Map.of("a", List.of("10", "20"), "s", "x y", "e", ""), UrlEncoded.parse("a=10&a=20&s=x+y&e&&"));
        assertEquals("fail to parse url encoded value a=%zz", assertThrows(DecodeException.class,
                () -> UrlEncoded.parse("a=%zz")).getMessage());
        assertEquals("fail to parse url encoded value a=1;b=2", assertThrows(DecodeException.class,
                () -> UrlEncoded.parse("a=1;b=2")).getMessage());

        StreamStatement st = SqlParser.parseStream(
                "CREATE STREAM s (name STRING, n STRING) WITH (DATASOURCE=\"x\", FORMAT=\"URLENCODED\")");
        List<Tuple> out = new ArrayList<>();
        Formats.decoder(st).decode("name=%E2%82%AC&n=7&other=1".getBytes(StandardCharsets.UTF_8), Map.of(), 0,
                out::add);
        assertEquals(1, out.size());
        assertEquals("\u20ac", out.get(0).asMap().get("name"));
        assertEquals("7", out.get(0).asMap().get("n"));
    }
}
