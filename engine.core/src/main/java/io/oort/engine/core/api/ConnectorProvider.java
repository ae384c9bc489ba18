package io.oort.engine.core.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The service a connector bundle registers, one per connector type and kind. A Declarative Services component:
 *
 * <pre>{@code
 * @Component(property = {ConnectorProvider.TYPE + "=random", ConnectorProvider.KIND + "=source"})
 * public class RandomProvider implements ConnectorProvider { ... }
 * }</pre>
 *
 * The service properties must agree with {@link #descriptor()}; the engine indexes providers by them.
 */
@ConsumerType
public interface ConnectorProvider {

    /** Service property: the connector type as written in {@code TYPE="..."} or as a sink action name. */
    String TYPE = "oort.connector.type";

    /** Service property: {@code source}, {@code sink} or {@code lookup}. */
    String KIND = "oort.connector.kind";

    /** What this provider offers: type, kind, payload style and property declarations. */
    ConnectorDescriptor descriptor();

    /**
     * Creates a new, unprovisioned instance. Must return a {@link PushSource} or {@link PullSource} for kind
     * source, a {@link LookupSource} for kind lookup and a {@link Sink} for kind sink.
     */
    Connector create();
}
