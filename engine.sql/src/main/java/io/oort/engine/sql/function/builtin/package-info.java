/** Built-in SQL functions, one class per eKuiper category (exported for the engine runtime only). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.oort.engine.sql.function.builtin;
