package io.oort.engine.sql.function;

/**
 * A scalar function body. Arguments are engine values ({@code Long}, {@code Double}, {@code String},
 * {@code Boolean}, {@code byte[]}, {@code Instant}, {@code List<Object>}, {@code Map<String,Object>}, null).
 * Return null for SQL null (the key is omitted from output). Throw
 * {@link io.oort.engine.sql.value.EvalException} for a runtime error of this row, with eKuiper's message.
 * Integers must be returned as {@code Long}, never {@code Integer}.
 */
@FunctionalInterface
public interface ScalarImpl {
    Object apply(FnContext ctx, Object[] args);
}
