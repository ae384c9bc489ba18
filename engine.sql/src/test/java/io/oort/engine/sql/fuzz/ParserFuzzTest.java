package io.oort.engine.sql.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz target: {@code SqlParser.parse} never throws anything but {@code ParseException}.
 *
 * <p>In the normal test run ({@code JAZZER_FUZZ} unset) Jazzer runs the seed corpus in
 * {@code src/test/resources/io/oort/engine/sql/fuzz/ParserFuzzTestInputs/parse/} (plain SQL files, plus every
 * crash reproducer found so far) as regression tests. To fuzz, one target per run:
 * {@code JAZZER_FUZZ=1 mvn -o -pl engine.sql test -Dtest=ParserFuzzTest} (up to 10 minutes)
 * (see tools/bench/README.md).
 */
class ParserFuzzTest {

    @FuzzTest(maxDuration = "10m")
    @DictionaryFile(resourcePath = "sql.dict")
    void parse(byte[] data) {
        FuzzOracle.parse(FuzzOracle.text(data));
    }
}
