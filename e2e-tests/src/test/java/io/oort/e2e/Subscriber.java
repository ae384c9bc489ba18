package io.oort.e2e;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The receiving end: a persistent-session QoS 1 subscriber on the broker the sink publishes to, reconnecting every
 * 200 ms while the broker is away. Records every {@code seq} it gets and whether the broker flagged the delivery as
 * a redelivery (DUP) of its own.
 */
final class Subscriber implements AutoCloseable {

    /** One message as received. */
    record Got(long seq, boolean dup) {
    }

    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

    private final MqttClient client;
    private final MqttConnectOptions options = new MqttConnectOptions();
    private final String topic;
    private final List<Got> got = new ArrayList<>();
    private final Thread reconnector;
    private volatile boolean closed;

    Subscriber(String server, String topic) throws MqttException {
        this.topic = topic;
        this.client = new MqttClient(server, "e2e-sub-" + UUID.randomUUID().toString().substring(0, 8),
                new MemoryPersistence());
        options.setCleanSession(false);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(2);
        options.setKeepAliveInterval(5);
        options.setMaxInflight(1000);
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                // the reconnector notices
            }

            @Override
            public void messageArrived(String t, MqttMessage m) {
                Matcher x = SEQ.matcher(new String(m.getPayload(), StandardCharsets.UTF_8));
                if (x.find()) {
                    synchronized (got) {
                        got.add(new Got(Long.parseLong(x.group(1)), m.isDuplicate()));
                    }
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // not publishing
            }
        });
        client.connect(options);
        client.subscribe(topic, 1);
        reconnector = new Thread(this::keepConnected, "e2e-subscriber-reconnect");
        reconnector.setDaemon(true);
        reconnector.start();
    }

    private void keepConnected() {
        while (!closed) {
            try {
                Thread.sleep(200);
                if (!client.isConnected() && !closed) {
                    client.connect(options);
                    client.subscribe(topic, 1);
                }
            } catch (MqttException e) {
                // broker still away: try again
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    List<Got> received() {
        synchronized (got) {
            return new ArrayList<>(got);
        }
    }

    int count() {
        synchronized (got) {
            return got.size();
        }
    }

    @Override
    public void close() throws MqttException {
        closed = true;
        reconnector.interrupt();
        try {
            if (client.isConnected()) {
                client.disconnect(1000);
            }
        } finally {
            client.close(true);
        }
    }
}
