package io.oort.connector.mqtt;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.oort.connector.mqtt.internal.MqttConnectionPool;
import io.oort.connector.mqtt.internal.MqttOptions;
import io.oort.connector.mqtt.internal.MqttSource;
import io.oort.engine.core.api.Connector;
import io.oort.engine.core.api.ConnectorDescriptor;
import io.oort.engine.core.api.ConnectorKind;
import io.oort.engine.core.api.ConnectorProvider;

/** The {@code mqtt} source: subscribes to the DATASOURCE topic filters and hands raw payloads to the engine. */
@Component(property = {ConnectorProvider.TYPE + "=mqtt", ConnectorProvider.KIND + "=source"})
public final class MqttSourceProvider implements ConnectorProvider {
    static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("mqtt", ConnectorKind.SOURCE,
            ConnectorDescriptor.Payload.BYTES,
            "Subscribes to MQTT 3.1, 3.1.1 or 5 topics; DATASOURCE is the topic filter (comma-separated for several).",
            MqttOptions.sourceProperties());

    private final MqttConnectionPool pool;

    @Activate
    public MqttSourceProvider(@Reference MqttConnectionPool pool) {
        this.pool = pool;
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Connector create() {
        return new MqttSource(pool);
    }
}
