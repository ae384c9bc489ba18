/**
 * Oort without OSGi or REST: define streams and rules from SQL text, push rows with their timestamps, advance time,
 * receive results on a callback. Use it to embed the engine in a Java program or to drive it from a test or
 * benchmark harness.
 *
 * <pre>{@code
 * try (Oort oort = Oort.create()) {
 *     oort.execute("CREATE STREAM demo (deviceId STRING, temperature FLOAT, humidity FLOAT) WITH (TYPE=\"memory\", DATASOURCE=\"demo\")");
 *     RuleHandle rule = oort.rule("r1", "SELECT deviceId, temperature FROM demo WHERE temperature > 20",
 *             Map.of(), rows -> System.out.println(rows));
 *     rule.push("demo", new Object[] {"d1", 25.0, 40.0}, System.currentTimeMillis());
 * }
 * }</pre>
 *
 * Threading: a rule is single-threaded; {@code push} and {@code advanceTime} must not be called concurrently for
 * the same rule. Results are delivered synchronously on the thread that called {@code push} / {@code advanceTime}.
 */
package io.oort.engine.core.embed;
