package io.oort.engine.sql.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz target: SQL that parses is analyzed against a small fixed catalog ({@link FuzzOracle#DDL}); the
 * analyzer throws nothing but {@code AnalysisException}, and evaluating the compiled query over sample rows throws
 * nothing but {@code EvalException}. Seeds: {@code src/test/resources/io/oort/engine/sql/fuzz/
 * AnalyzerFuzzTestInputs/analyze/}. To fuzz: {@code JAZZER_FUZZ=1 mvn -o -pl engine.sql test
 * -Dtest=AnalyzerFuzzTest} (up to 10 minutes).
 */
class AnalyzerFuzzTest {

    @FuzzTest(maxDuration = "10m")
    @DictionaryFile(resourcePath = "sql.dict")
    void analyze(byte[] data) {
        FuzzOracle.analyzeAndEvaluate(FuzzOracle.text(data));
    }
}
