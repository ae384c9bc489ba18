package io.oort.engine.sql.function;

/** What kind of function a name is; decides where the planner evaluates it. */
public enum FunctionKind {
    /** Per row, no state. */
    SCALAR,
    /** Over the rows of a window or group. */
    AGGREGATE,
    /** Per row with state across rows (lag, latest, acc_*...), evaluated before WHERE, once per row. */
    ANALYTIC,
    /** Reads the window being emitted (row_number, window_start, window_end, event_time...). */
    WINDOW,
    /** Set-returning: its array result expands into several output rows (unnest). */
    SRF,
    /** Multi-column: returns several output columns (changed_cols), SELECT only. */
    COLS
}
