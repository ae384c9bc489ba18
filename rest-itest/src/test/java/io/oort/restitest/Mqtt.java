package io.oort.restitest;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A test client on the local broker: publish inputs, collect a rule's outputs. */
final class Mqtt implements AutoCloseable {

    static final String URL = System.getProperty("oort.mqtt", "tcp://127.0.0.1:1883");

    private final MqttClient client;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    private Mqtt(MqttClient client) {
        this.client = client;
    }

    /** A connected client, or null when no broker answers (tests needing it are then skipped). */
    static Mqtt connect() {
        try {
            MqttClient c = new MqttClient(URL, "rest-itest-" + UUID.randomUUID(), new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setConnectionTimeout(3);
            o.setCleanSession(true);
            c.connect(o);
            return new Mqtt(c);
        } catch (MqttException e) {
            return null;
        }
    }

    void subscribe(String topic) throws MqttException {
        client.subscribe(topic, 1, (t, m) -> received.add(new String(m.getPayload(), StandardCharsets.UTF_8)));
    }

    void publish(String topic, String payload) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    /** The next message on a subscribed topic, or null after the timeout. */
    String next(int seconds) throws InterruptedException {
        return received.poll(seconds, TimeUnit.SECONDS);
    }

    /**
     * Publishes {@code payload} every 200 ms until a message arrives (a freshly started rule may not have
     * subscribed yet); at most {@code seconds}.
     */
    String publishUntilAnswered(String topic, String payload, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            publish(topic, payload);
            String m = received.poll(200, TimeUnit.MILLISECONDS);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(1000);
            }
            client.close();
        } catch (MqttException e) {
            // nothing more to release
        }
    }
}
