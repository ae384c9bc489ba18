package io.oort.e2e;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** Publishes {"seq":0} .. {"seq":n-1} at a fixed rate with QoS 1, on its own thread (the rule's input). */
final class Publisher implements AutoCloseable {

    private final MqttClient client;
    private final String topic;
    private final AtomicInteger published = new AtomicInteger();
    private volatile Throwable failure;
    private Thread thread;

    Publisher(String server, String topic) throws MqttException {
        this.topic = topic;
        this.client = new MqttClient(server, "e2e-pub-" + UUID.randomUUID().toString().substring(0, 8),
                new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        client.connect(o);
    }

    /** Starts publishing {@code n} messages at {@code perSecond}, each slot at its scheduled time. */
    void start(int n, int perSecond) {
        long period = 1_000_000_000L / perSecond;
        thread = new Thread(() -> {
            long t0 = System.nanoTime();
            try {
                for (int i = 0; i < n; i++) {
                    long wait = t0 + i * period - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    client.publish(topic, ("{\"seq\":" + i + "}").getBytes(StandardCharsets.UTF_8), 1, false);
                    published.incrementAndGet();
                }
            } catch (MqttException | RuntimeException e) {
                failure = e;
            }
        }, "e2e-publisher");
        thread.setDaemon(true);
        thread.start();
    }

    int published() {
        if (failure != null) {
            throw new AssertionError("publisher failed", failure);
        }
        return published.get();
    }

    @Override
    public void close() throws MqttException {
        if (thread != null) {
            thread.interrupt();
        }
        try {
            client.disconnect(1000);
        } finally {
            client.close(true);
        }
    }
}
