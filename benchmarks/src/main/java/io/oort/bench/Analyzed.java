package io.oort.bench;

import java.time.ZoneOffset;
import java.util.Map;

import io.oort.engine.sql.analyzer.AnalyzedQuery;
import io.oort.engine.sql.analyzer.Analyzer;
import io.oort.engine.sql.ast.StreamStatement;
import io.oort.engine.sql.eval.EvalContext;
import io.oort.engine.sql.function.FunctionRegistry;
import io.oort.engine.sql.parser.SqlParser;

/** Parses and analyzes a rule against one stream, for benchmarks of the expression layer alone. */
final class Analyzed {

    private Analyzed() {
    }

    static AnalyzedQuery of(String streamDdl, String select) throws Exception {
        StreamStatement st = SqlParser.parseStream(streamDdl);
        Map<String, StreamStatement> catalog = Map.of(st.name(), st);
        return new Analyzer(catalog::get, FunctionRegistry.withBuiltins(), false).analyze(SqlParser.parseSelect(select));
    }

    static EvalContext context() {
        return new EvalContext("bench", () -> BenchData.T0, ZoneOffset.UTC);
    }
}
