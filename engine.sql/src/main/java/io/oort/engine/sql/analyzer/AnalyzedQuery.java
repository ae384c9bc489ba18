package io.oort.engine.sql.analyzer;

import java.util.List;

import io.oort.engine.sql.ast.Call;
import io.oort.engine.sql.ast.SelectStatement;
import io.oort.engine.sql.ast.Window;
import io.oort.engine.sql.eval.Evaluator;
import io.oort.engine.sql.function.FunctionDef;

/**
 * A rule's SELECT after analysis: every expression compiled, every aggregate and analytic call given a slot.
 * What the runtime planner builds operators from.
 */
public record AnalyzedQuery(
        SelectStatement statement,
        List<SourceInfo> sources,
        List<OutputField> fields,
        Evaluator where,
        List<Evaluator> joinConditions,
        WindowSpec window,
        List<Evaluator> groupBy,
        Evaluator having,
        List<Sort> orderBy,
        Long limit,
        List<AggregateCall> aggregates,
        List<AggregateCall> whereAggregates,
        List<AnalyticCall> analytics,
        boolean aggregateQuery,
        boolean selectAggregates,
        List<LookupJoin> lookups) {

    /**
     * A join with a lookup table: for each row, the table is queried for rows whose {@code keys} columns equal the
     * {@code values} evaluated on the row (the equi-join predicates of ON); {@code rest} are the other predicates.
     */
    public record LookupJoin(int joinIndex, int source, String table, List<String> keys, List<Evaluator> values,
            Evaluator rest, boolean left) {
    }

    /** How a select field produces output. */
    public enum FieldKind {
        /** One value under {@link OutputField#name()}. */
        VALUE,
        /** A map ({@code *}, {@code s.*}) whose entries become output columns. */
        EXPAND,
        /** A set-returning call: one output row per element (unnest). */
        SRF,
        /** A multi-column call (changed_cols): its map's entries become columns. */
        COLS
    }

    /** One select field. */
    public record OutputField(String name, Evaluator value, FieldKind kind, boolean invisible) {
    }

    /** One ORDER BY key. */
    public record Sort(Evaluator key, boolean ascending) {
    }

    /** An aggregate call: its function, its per-row argument evaluators and its slot. */
    public record AggregateCall(int slot, FunctionDef function, Evaluator[] args, Call call) {
    }

    /** An analytic call: evaluated once per row, before WHERE, in this list's order. */
    public record AnalyticCall(int slot, FunctionDef function, Evaluator[] args, List<Evaluator> partition,
            Evaluator when, Call call) {
    }

    /** The window in GROUP BY with its compiled clauses. */
    public record WindowSpec(Window window, Evaluator filter, Evaluator trigger, List<Evaluator> partition,
            Evaluator begin, Evaluator emit, Evaluator single) {
    }

    /**
     * Whether the output has one row per group (GROUP BY columns, or aggregates in the select list) rather than
     * one row per input row: {@code SELECT id ... HAVING count(*) > 1} keeps or drops the window as a whole but
     * still emits its rows, as eKuiper's project operator does.
     */
    public boolean rowPerGroup() {
        return !groupBy.isEmpty() || selectAggregates;
    }

    public boolean hasWindow() {
        return window != null;
    }

    public boolean hasJoins() {
        return !statement.joins().isEmpty();
    }
}
