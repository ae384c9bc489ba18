package io.oort.connector.mqtt;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

/** A plain MQTT 5 client that sees what the broker really has: the independent witness of the tests. */
public final class Observer implements AutoCloseable {
    /** One message as the broker delivered it. */
    public record Msg(String topic, byte[] payload, int qos, boolean retained, Map<String, String> properties) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final MqttClient client;
    private final BlockingQueue<Msg> received = new LinkedBlockingQueue<>();

    public Observer(String serverUri) throws MqttException {
        client = new MqttClient(serverUri, "observer-" + UUID.randomUUID().toString().substring(0, 8),
                new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage m) {
                Map<String, String> props = new LinkedHashMap<>();
                if (m.getProperties() != null && m.getProperties().getUserProperties() != null) {
                    m.getProperties().getUserProperties().forEach(p -> props.put(p.getKey(), p.getValue()));
                }
                received.add(new Msg(topic, m.getPayload(), m.getQos(), m.isRetained(), props));
            }

            @Override
            public void disconnected(MqttDisconnectResponse r) {
            }

            @Override
            public void mqttErrorOccurred(MqttException e) {
            }

            @Override
            public void deliveryComplete(IMqttToken t) {
            }

            @Override
            public void connectComplete(boolean reconnect, String uri) {
            }

            @Override
            public void authPacketArrived(int code, MqttProperties p) {
            }
        });
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setConnectionTimeout(5);
        client.connect(o);
    }

    public static Observer local() throws MqttException {
        return new Observer("tcp://127.0.0.1:1883");
    }

    public void subscribe(String filter, int qos) throws MqttException {
        client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, qos)});
    }

    public void publish(String topic, String text, int qos, boolean retained, Map<String, String> props)
            throws MqttException {
        MqttMessage m = new MqttMessage(text.getBytes(StandardCharsets.UTF_8));
        m.setQos(qos);
        m.setRetained(retained);
        if (!props.isEmpty()) {
            List<UserProperty> list = new ArrayList<>();
            props.forEach((k, v) -> list.add(new UserProperty(k, v)));
            MqttProperties mp = new MqttProperties();
            mp.setUserProperties(list);
            m.setProperties(mp);
        }
        client.publish(topic, m);
    }

    public void publish(String topic, String text, int qos) throws MqttException {
        publish(topic, text, qos, false, Map.of());
    }

    /** Removes a retained message. */
    public void clearRetained(String topic) throws MqttException {
        client.publish(topic, new byte[0], 1, true);
    }

    public Msg next(Duration timeout) throws InterruptedException {
        Msg m = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(m, "observer got no message within " + timeout);
        return m;
    }

    public Msg next() throws InterruptedException {
        return next(Duration.ofSeconds(10));
    }

    @Override
    public void close() throws MqttException {
        try {
            if (client.isConnected()) {
                client.disconnect();
            }
        } finally {
            client.close(true);
        }
    }
}
