/**
 * Oort's connector SPI: what a connector bundle implements to ingest data into rules (sources, lookup sources)
 * and to dispatch their results (sinks).
 *
 * <h2>Lifecycle</h2>
 * Every connector instance goes through the same steps, driven by the engine on one thread at a time:
 * <ol>
 *   <li>{@link io.oort.engine.core.api.Connector#provision provision}: validate and keep the configuration (no I/O);</li>
 *   <li>{@link io.oort.engine.core.api.Connector#connect connect}: open connections, report status changes;</li>
 *   <li>work: {@link io.oort.engine.core.api.PushSource#subscribe subscribe} (push sources),
 *       {@link io.oort.engine.core.api.PullSource#pull pull} (pull sources, called on the engine's schedule),
 *       {@link io.oort.engine.core.api.LookupSource#lookup lookup} or {@link io.oort.engine.core.api.Sink#collect collect};</li>
 *   <li>{@link io.oort.engine.core.api.Connector#close close}: release everything; the instance is not reused.</li>
 * </ol>
 * Decoding, encoding, batching, templates, compression, retry, the sink cache and metrics are engine concerns:
 * connectors only do I/O.
 *
 * <h2>Registration</h2>
 * A connector bundle registers one {@link io.oort.engine.core.api.ConnectorProvider} service per connector type and
 * kind (a Declarative Services component), with the service properties {@value io.oort.engine.core.api.ConnectorProvider#TYPE}
 * and {@value io.oort.engine.core.api.ConnectorProvider#KIND}. The engine creates one connector instance per use.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.oort.engine.core.api;
