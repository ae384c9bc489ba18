package io.oort.engine.sql.function;

/** Creates a fresh accumulator per group and window. */
@FunctionalInterface
public interface AggregateImpl {
    Accumulator create();
}
