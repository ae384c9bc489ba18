package io.oort.engine.core.internal.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.oort.engine.sql.eval.Tuple;
import io.oort.engine.sql.parser.SqlParser;

/** STRICT_VALIDATION and DEFAULT as eKuiper's preprocessor applies them, for JSON, delimited and map inputs. */
class StrictValidationTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static Decoder decoder(String ddl) throws Exception {
        return Formats.decoder(SqlParser.parseStream(ddl), ZONE);
    }

    private static List<Object> json(Decoder d, String payload) throws DecodeException {
        List<Tuple> out = new ArrayList<>();
        d.decode(payload.getBytes(StandardCharsets.UTF_8), Map.of(), 0, out::add);
        return Arrays.asList(out.get(0).values);
    }

    private static final String STRICT = "CREATE STREAM s (id BIGINT, t FLOAT, name STRING DEFAULT \"none\", "
            + "at DATETIME, ok BOOLEAN DEFAULT true) WITH (DATASOURCE=\"x\", STRICT_VALIDATION=\"true\", "
            + "TIMESTAMP_FORMAT=\"YYYY-MM-dd HH:mm:ss\")";

    @Test
    void everyDeclaredFieldMustBeThereOrTakeItsDefault() throws Exception {
        Decoder d = decoder(STRICT);
        assertEquals(Arrays.asList(1L, 20.0, "none", Instant.parse("2024-01-02T03:04:05Z").minusSeconds(8 * 3600),
                true), json(d, "{\"id\":1,\"t\":20,\"at\":\"2024-01-02 03:04:05\"}"));
        assertEquals("error in preprocessor: field at is not found",
                assertThrows(DecodeException.class, () -> json(d, "{\"id\":1,\"t\":2.5}")).getMessage());
        assertEquals("error in preprocessor: field id type mismatch: cannot convert <nil>(<nil>) to int64",
                assertThrows(DecodeException.class, () -> json(d, "{\"id\":null,\"t\":2,\"at\":1}")).getMessage());
        assertEquals(Instant.ofEpochMilli(1_700_000_000_000L),
                json(d, "{\"id\":1,\"t\":2,\"at\":1700000000000}").get(3), "epoch milliseconds are a datetime");
    }

    @Test
    void mapsAndDelimitedLinesAreCheckedTheSameWay() throws Exception {
        Decoder d = decoder(STRICT);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", 7L);
        m.put("t", 3L);
        m.put("at", 0L);
        List<Tuple> out = new ArrayList<>();
        d.decodeMap(m, Map.of(), 0, out::add);
        assertEquals(Arrays.asList(7L, 3.0, "none", Instant.EPOCH, true), Arrays.asList(out.get(0).values));
        m.remove("id");
        assertEquals("error in preprocessor: field id is not found",
                assertThrows(DecodeException.class, () -> d.decodeMap(m, Map.of(), 0, t -> { })).getMessage());

        Decoder csv = decoder("CREATE STREAM c (a BIGINT, b STRING, z STRING DEFAULT \"zz\") WITH (DATASOURCE=\"x\", "
                + "FORMAT=\"delimited\", STRICT_VALIDATION=\"true\")");
        assertEquals(Arrays.asList(5L, "x", "zz"), json(csv, "5,x"));
    }

    @Test
    void withoutStrictValidationNothingIsRequired() throws Exception {
        Decoder d = decoder("CREATE STREAM s (id BIGINT, name STRING DEFAULT \"none\") WITH (DATASOURCE=\"x\")");
        assertEquals(Arrays.asList(null, null), json(d, "{}"));
    }
}
