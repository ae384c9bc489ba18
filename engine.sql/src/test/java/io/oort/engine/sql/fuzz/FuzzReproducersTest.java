package io.oort.engine.sql.fuzz;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inputs the fuzzers found that once threw an undeclared exception, kept as regression tests (each is also in the
 * Jazzer inputs directories). Each must only produce the declared errors.
 */
class FuzzReproducersTest {

    @ParameterizedTest
    @ValueSource(strings = {
        // BETWEEN / LIKE / IN followed by a tighter operator: ClassCastException in ExprCompiler.binary
        "SELECT ts FROM demo WHERE ts BETWEEN 1 AND 100000^00000000",
        "SELECT ts FROM demo WHERE ts BETWEEN 1 AND 2 + 3",
        "SELECT * FROM demo WHERE deviceId LIKE \"dev%\" -1 OR ok = true",
        "SELECT temperature * 1. IN 8 + 32 AS f FROM demo",
        "SELECT ts IN (1, 2) * 3 FROM demo",
        "SELECT ts NOT BETWEEN 1 AND 2 * 3 FROM demo",
        "SELECT deviceId NOT LIKE \"a%\" & 1 FROM demo",
        // \U escape above U+10FFFF: IllegalArgumentException in Lexer.string
        "SELECT \"\\U55555555\" FROM demo",
    })
    void onlyDeclaredErrors(String sql) {
        FuzzOracle.parse(sql);
        FuzzOracle.analyzeAndEvaluate(sql);
    }

    /**
     * A JSON path with a non-ASCII digit ("$.\u0A67name") made JsonPathParser.lex call Double.parseDouble on it
     * (Character.isDigit accepts every Unicode digit) and throw NumberFormatException instead of an EvalException.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT json_path_query(sl.d, \"$.\u0A67name\") FROM sl",
        "SELECT json_path_exists(payload, \"$[\u0A67]\") FROM demo",
    })
    void jsonPathNonAsciiDigits(String sql) {
        FuzzOracle.analyzeAndEvaluate(sql);
    }

    /**
     * LIKE compiled to a java.util.regex pattern with {@code .*} per {@code %}, which backtracked exponentially
     * when the text did not match: 12 consecutive {@code %} before a missing literal took about a minute for a
     * 30-character value (Jazzer: a slow unit of 10 minutes). LIKE is now a linear wildcard matcher, as eKuiper's
     * RE2 is linear.
     */
    @Test
    @Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void likeDoesNotBacktrack() {
        FuzzOracle.analyzeAndEvaluate("SELECT deviceId FROM demo WHERE deviceId LIKE \"" + "%".repeat(48) + "dev%\"");
        FuzzOracle.analyzeAndEvaluate("SELECT deviceId FROM demo WHERE deviceId LIKE \"%%%%%%%%%%%%xyz%\"");
    }
}
