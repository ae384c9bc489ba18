package io.oort.engine.sql.function;

/**
 * The state of one aggregate call over one group. {@link #add} sees each row's evaluated arguments in arrival
 * order; {@link #result} may be called more than once (e.g. by HAVING and SELECT) and must not change the state.
 */
public interface Accumulator {

    void add(Object[] args);

    Object result(FnContext ctx);
}
