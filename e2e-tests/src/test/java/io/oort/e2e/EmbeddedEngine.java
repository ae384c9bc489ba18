package io.oort.e2e;

import java.nio.file.Path;
import java.util.Map;

import io.oort.connector.mqtt.MqttSinkProvider;
import io.oort.connector.mqtt.MqttSourceProvider;
import io.oort.connector.mqtt.internal.MqttConnectionPool;
import io.oort.engine.core.api.ConnectorProvider;
import io.oort.engine.core.internal.config.EngineConfig;
import io.oort.engine.core.internal.registry.ConnectorRegistry;
import io.oort.engine.core.internal.service.EngineService;

/**
 * The engine as the distribution runs it, minus OSGi: an {@link EngineService} on a home directory (so the store,
 * the conf keys and the sink caches are on disk under it), with the MQTT connector's providers registered by hand
 * the way Declarative Services would bind them. Closing it and starting another on the same home is an engine
 * restart.
 */
final class EmbeddedEngine implements AutoCloseable {

    private final MqttConnectionPool pool = new MqttConnectionPool();
    private final EngineService engine;

    EmbeddedEngine(Path home) {
        ConnectorRegistry registry = new ConnectorRegistry();
        registry.addProvider(new MqttSourceProvider(pool),
                Map.of(ConnectorProvider.TYPE, "mqtt", ConnectorProvider.KIND, "source"));
        registry.addProvider(new MqttSinkProvider(pool),
                Map.of(ConnectorProvider.TYPE, "mqtt", ConnectorProvider.KIND, "sink"));
        this.engine = new EngineService(registry, EngineConfig.defaults(), home);
    }

    EngineService service() {
        return engine;
    }

    /** Stops the rules (each sink saves its cache), the engine's threads and the store, as an engine shutdown does. */
    @Override
    public void close() {
        engine.close();
        pool.shutdown();
    }
}
