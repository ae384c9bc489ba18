/**
 * Oort's function SPI: plugin bundles contribute SQL functions as Declarative Services components.
 *
 * <pre>{@code
 * @Component(property = SqlFunction.NAME + "=echo")
 * public class Echo implements ScalarFunction { ... }
 * }</pre>
 *
 * A function service may carry several names (a multi-valued {@value io.oort.engine.core.api.function.SqlFunction#NAME}
 * property). Names are case-insensitive in SQL and may not shadow a built-in function. Rules that call a function
 * that is not installed report it and start by themselves when it appears.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.oort.engine.core.api.function;
