package io.oort.engine.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.oort.engine.sql.ast.CatalogStatement;
import io.oort.engine.sql.ast.DataType;
import io.oort.engine.sql.ast.StreamStatement;

class DdlParserTest {

    private static String error(String sql) {
        return assertThrows(ParseException.class, () -> SqlParser.parse(sql)).getMessage();
    }

    @Test
    void createStreamWithTypesAndOptions() throws ParseException {
        StreamStatement s = SqlParser.parseStream("CREATE STREAM demo (id BIGINT, t FLOAT DEFAULT -1.5, "
                + "name STRING DEFAULT \"x\", ok BOOLEAN, ts DATETIME, raw BYTEA, tags ARRAY(STRING), "
                + "pts ARRAY(STRUCT(x FLOAT, y FLOAT)), loc STRUCT(lat FLOAT, lng FLOAT, nested STRUCT(a BIGINT))) "
                + "WITH (DATASOURCE=\"demo/#\", FORMAT=\"json\", KEY=\"id\", TYPE=\"mqtt\", SHARED=\"true\", "
                + "TIMESTAMP=\"ts\", RETAIN_SIZE=\"3\", strict_validation=\"TRUE\", EXTRA=\"{\\\"a\\\":1}\")");
        assertEquals("demo", s.name());
        assertEquals(9, s.fields().size());
        assertEquals(-1.5, s.fields().get(1).defaultValue());
        assertEquals("x", s.fields().get(2).defaultValue());
        assertEquals("array(struct(x float, y float))", s.fields().get(7).type().toString());
        assertEquals(DataType.Kind.STRUCT, s.fields().get(8).type().kind());
        assertEquals("demo/#", s.options().datasource());
        assertTrue(s.options().shared());
        assertTrue(s.options().strictValidation());
        assertEquals(3, s.options().retainSize());
        assertEquals("{\"a\":1}", s.options().extra());
    }

    @Test
    void schemalessAndTables() throws ParseException {
        StreamStatement s = SqlParser.parseStream("create stream demo () WITH (FORMAT=\"JSON\", DATASOURCE=\"demo\")");
        assertTrue(s.schemaless());
        assertEquals("json", s.options().format());
        assertEquals("mqtt", s.options().type());
        StreamStatement t = SqlParser.parseStream(
                "CREATE TABLE t1 (id BIGINT) WITH (DATASOURCE=\"t1\", TYPE=\"memory\", KIND=\"LOOKUP\", KEY=\"id\")");
        assertTrue(t.table() && t.lookupTable());
    }

    @Test
    void ddlErrorsAsEkuiper() {
        assertTrue(error("CREATE STREAM d (a INT) WITH (DATASOURCE=\"x\")").startsWith(
                "found \"INT\", expect valid stream field types(BIGINT | FLOAT | STRING | DATETIME | BOOLEAN | BYTEA | ARRAY | STRUCT)."));
        assertTrue(error("CREATE STREAM d () WITH (DATASRC=\"x\")").startsWith(
                "found \"DATASRC\", unknown option keys(DATASOURCE|FORMAT|KEY|CONF_KEY|SHARED|STRICT_VALIDATION|TYPE|"
                        + "TIMESTAMP|TIMESTAMP_FORMAT|RETAIN_SIZE|SCHEMAID|EXTRA|VERSION|TEMP|KIND|DELIMITER)."));
        assertTrue(error("CREATE STREAM d () WITH (SHARED=\"yes\")")
                .startsWith("found \"yes\", expect TRUE/FALSE value in SHARED option."));
        assertTrue(error("CREATE STREAM d (a BIGINT, b BIGINT) WITH (FORMAT=\"binary\")")
                .startsWith("'binary' format stream can have only one field"));
        assertTrue(error("CREATE TABLE t (id BIGINT) WITH (TYPE=\"memory\", KIND=\"lookup\")")
                .startsWith("Option \"key\" is required for memory lookup table."));
        assertTrue(error("CREATE STREAM d (a BIGINT)").startsWith("found \"EOF\", expected is with."));
    }

    @Test
    void catalogStatements() throws ParseException {
        CatalogStatement show = (CatalogStatement) SqlParser.parse("SHOW STREAMS");
        assertEquals(CatalogStatement.Verb.SHOW, show.verb());
        CatalogStatement d = (CatalogStatement) SqlParser.parse("describe table t1");
        assertTrue(d.table());
        assertEquals("t1", d.name());
        assertEquals(CatalogStatement.Verb.DROP, ((CatalogStatement) SqlParser.parse("DROP STREAM s")).verb());
        assertEquals(CatalogStatement.Verb.EXPLAIN, ((CatalogStatement) SqlParser.parse("EXPLAIN STREAM s")).verb());
    }
}
