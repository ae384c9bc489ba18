package io.oort.engine.sql.function;

/**
 * An analytic function body (lag, latest, changed_col, had_changed, acc_*): called once per input row in arrival
 * order, before WHERE, with the state of its call site and partition ({@code OVER (PARTITION BY ...)}).
 */
@FunctionalInterface
public interface AnalyticImpl {
    /**
     * @param valid false when the call's {@code OVER (WHEN cond)} condition is false for this row: the function
     *              must not record the row, and returns what eKuiper returns in that case
     */
    Object apply(FnContext ctx, Object[] args, boolean valid, StateCell state);
}
