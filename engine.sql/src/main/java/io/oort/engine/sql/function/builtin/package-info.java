/** Built-in SQL functions, one class per eKuiper category. */
package io.oort.engine.sql.function.builtin;
