package io.oort.engine.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.oort.engine.sql.ast.Literal;

/**
 * String escapes as Go's strconv reads them. Found by the fuzzer: {@code "\U55555555"} made the lexer throw
 * IllegalArgumentException (and {@code "\UFFFFFFFF"} NumberFormatException) instead of a parse error.
 */
class LexerEscapeTest {

    private static Object literal(String sqlString) throws ParseException {
        return ((Literal) SqlParser.parseSelect("SELECT " + sqlString + " FROM demo").fields().get(0).expr()).value();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\\U55555555\"", "\"\\UFFFFFFFF\"", "\"\\U00110000\"", "\"\\uD800\"", "\"\\uDFFF\"",
        "\"\\U0000DC00\"", "\"\\777\"", "\"\\400\""})
    void invalidEscapesAreParseErrors(String s) {
        ParseException e = assertThrows(ParseException.class, () -> SqlParser.parse("SELECT " + s + " FROM demo"));
        assertTrue(e.getMessage().contains("escape"), e.getMessage());
    }

    @Test
    void validEscapes() throws ParseException {
        assertEquals("\uD83D\uDE00", literal("\"\\U0001F600\""));
        assertEquals("\u00e9", literal("\"\\u00e9\""));
        assertEquals("\uFFFF", literal("\"\\uFFFF\""));
        assertEquals("A", literal("\"\\101\""));
        assertEquals("\u00ff", literal("\"\\377\""));
        assertEquals("\u00ff", literal("\"\\xff\""));
    }
}
