package io.oort.e2e.bench;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The broker's delivery ceiling as the engine sees it (run by tools/bench/mqtt_bench.py, not a test): a plain
 * subscriber on the same MQTT client library and subscription QoS as the engine's MQTT source (Paho, QoS 1 asked,
 * QoS 0 published) that only counts. Prints {@code ready} once subscribed, then, after {@code quietSeconds} without
 * a message, {@code <count> <first arrival ns> <last arrival ns>}.
 *
 * <p>Usage: {@code CeilingSubscriber <topic> [quietSeconds=2] [server=tcp://127.0.0.1:1883]}
 */
public final class CeilingSubscriber {

    private CeilingSubscriber() {
    }

    public static void main(String[] args) throws Exception {
        String topic = args[0];
        long quiet = (args.length > 1 ? Long.parseLong(args[1]) : 2) * 1_000_000_000L;
        String server = args.length > 2 ? args[2] : "tcp://127.0.0.1:1883";
        AtomicLong count = new AtomicLong();
        AtomicLong first = new AtomicLong();
        AtomicLong last = new AtomicLong();
        MqttAsyncClient c = new MqttAsyncClient(server, "bench-ceiling-" + UUID.randomUUID().toString().substring(0, 8),
                new MemoryPersistence());
        c.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                System.err.println("connection lost: " + cause);
            }

            @Override
            public void messageArrived(String t, MqttMessage m) {
                long now = System.nanoTime();
                if (count.getAndIncrement() == 0) {
                    first.set(now);
                }
                last.set(now);
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // not publishing
            }
        });
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        c.connect(o).waitForCompletion();
        c.subscribe(topic, 1).waitForCompletion();
        System.out.println("ready");
        System.out.flush();
        while (count.get() == 0 || System.nanoTime() - last.get() < quiet) {
            Thread.sleep(50);
        }
        System.out.println(count.get() + " " + first.get() + " " + last.get());
        c.disconnect().waitForCompletion();
        c.close();
        System.exit(0);
    }
}
