package io.oort.connector.mqtt;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.oort.connector.mqtt.internal.MqttConnectionPool;
import io.oort.connector.mqtt.internal.MqttOptions;
import io.oort.connector.mqtt.internal.MqttSink;
import io.oort.engine.core.api.Connector;
import io.oort.engine.core.api.ConnectorDescriptor;
import io.oort.engine.core.api.ConnectorKind;
import io.oort.engine.core.api.ConnectorProvider;

/** The {@code mqtt} sink: publishes encoded results to a topic. */
@Component(property = {ConnectorProvider.TYPE + "=mqtt", ConnectorProvider.KIND + "=sink"})
public final class MqttSinkProvider implements ConnectorProvider {
    static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("mqtt", ConnectorKind.SINK,
            ConnectorDescriptor.Payload.BYTES,
            "Publishes results to an MQTT 3.1, 3.1.1 or 5 broker; the topic may be a template.",
            MqttOptions.sinkProperties());

    private final MqttConnectionPool pool;

    @Activate
    public MqttSinkProvider(@Reference MqttConnectionPool pool) {
        this.pool = pool;
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Connector create() {
        return new MqttSink(pool);
    }
}
