/**
 * The management services behind the REST API and the shell (both thin skins over these classes and
 * {@link io.oort.engine.core.internal.service.EngineService}): batch import/export, named connections, connector
 * metadata and conf keys, rule topologies and plans, one-off queries, Prometheus metrics and JWT verification.
 *
 * <h2>Where Oort deliberately differs from eKuiper</h2>
 * <ul>
 * <li>A full {@code POST /data/import} is all-or-nothing: every entry is checked first and the change is one store
 * transaction; a bad entry leaves everything as it was and the 400 answer (and {@code /data/import/status}) names
 * it. eKuiper resets first and applies entry by entry. A partial import behaves as eKuiper's.</li>
 * <li>Sections Oort has no counterpart for (nativePlugins, portablePlugins, Service, Schema, uploads, scripts) are
 * skipped, not failed; the answer lists each skipped entry.</li>
 * <li>{@code /metrics} is served on the REST port, always; every {@code kuiper_*} family is also published as
 * {@code oort_*} with the same labels. Not produced: the latency histogram, CPU time and IO counters.</li>
 * <li>Metadata comes from each connector's property declarations (no etc/*.json files); types map STRING/SECRET to
 * "string", INTEGER to "int", FLOAT to "float", BOOLEAN to "bool", LIST to "list_string", MAP to "object".</li>
 * <li>Named connections live with the conf keys (kind connections): a connection's id is selected by
 * {@code connectionSelector} either plainly (eKuiper 2.x) or as {@code type.id} (1.x). Its status is what the
 * running rules using it report; an unused connection has none.</li>
 * <li>Not-found answers are 404 with code 1002 also where eKuiper answers 400 (metadata of an unknown plugin,
 * unknown connection).</li>
 * <li>{@code GET /rules/{id}/explain} prints Oort's logical steps with eKuiper's step names; the topology names the
 * nodes of the rule's metrics (Oort runs a query in one operator, {@code op_1_project}).</li>
 * </ul>
 */
package io.oort.engine.core.internal.management;
