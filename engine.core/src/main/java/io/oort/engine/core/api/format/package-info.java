/**
 * Oort's format SPI: plugin bundles contribute payload formats (eKuiper's {@code FORMAT} stream option and the
 * {@code format} sink property) as Declarative Services components.
 *
 * <pre>{@code
 * @Component(property = FormatProvider.NAME + "=urlencoded")
 * public class UrlEncoded implements FormatProvider { ... }
 * }</pre>
 *
 * A decoder turns one payload into zero or more rows (maps); the engine then applies the stream's schema to them
 * exactly as it does for JSON (declared fields only, eKuiper's type conversions, STRICT_VALIDATION), so a format
 * does not deal with types. An encoder turns a sink's data (one row, a list of rows, or a template's output) into
 * bytes. Built-in formats (json, delimited, binary) cannot be replaced. A stream or sink whose format is not
 * installed makes its rules wait ("format X is not installed"); they start by themselves when it appears.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.oort.engine.core.api.format;
