package io.oort.engine.sql.eval;

import java.time.ZoneOffset;
import java.util.Map;

import io.oort.engine.sql.analyzer.AnalysisException;
import io.oort.engine.sql.analyzer.AnalyzedQuery;
import io.oort.engine.sql.analyzer.Analyzer;
import io.oort.engine.sql.ast.StreamStatement;
import io.oort.engine.sql.function.FunctionRegistry;
import io.oort.engine.sql.parser.ParseException;
import io.oort.engine.sql.parser.SqlParser;

/**
 * Compiles a query over one stream and evaluates its first select field on rows, as the runtime does (one
 * {@link EvalContext} reused for every row).
 */
final class EvalHarness {

    static final FunctionRegistry FUNCTIONS = FunctionRegistry.withBuiltins();
    /** A schemaless stream. */
    static final String SRC = "CREATE STREAM src () WITH (DATASOURCE=\"src\", FORMAT=\"JSON\")";

    private final AnalyzedQuery query;
    private final String[] columns;
    private final EvalContext ctx = new EvalContext("test", () -> 0L, ZoneOffset.UTC);

    EvalHarness(String ddl, String sql) {
        try {
            StreamStatement s = SqlParser.parseStream(ddl);
            query = new Analyzer(n -> n.equals(s.name()) ? s : null, FUNCTIONS, false)
                    .analyze(SqlParser.parseSelect(sql));
        } catch (ParseException | AnalysisException e) {
            throw new IllegalArgumentException(sql + ": " + e.getMessage(), e);
        }
        columns = query.sources().get(0).columns();
    }

    /** A query over the schemaless stream {@code src}. */
    static EvalHarness of(String sql) {
        return new EvalHarness(SRC, sql);
    }

    /** The context the evaluations run in. */
    EvalContext context() {
        return ctx;
    }

    /** The compiled first select field. */
    Evaluator field() {
        return query.fields().get(0).value();
    }

    /** The first select field over a row of the schemaless stream. */
    Object eval(Map<String, Object> row) {
        ctx.row(Tuple.ofMap("src", row, Map.of(), 0));
        return field().eval(ctx);
    }

    /** The first select field over a row of a stream with a schema, values in schema order. */
    Object evalValues(Object... values) {
        ctx.row(Tuple.ofValues("src", columns, values, Map.of(), 0));
        return field().eval(ctx);
    }
}
