package io.oort.engine.core.api;

/** Connection states a connector reports; shown as {@code connection_status} 1 / 0 / -1 in rule metrics. */
public enum ConnectionStatus {
    CONNECTED(1), CONNECTING(0), DISCONNECTED(-1);

    private final int metric;

    ConnectionStatus(int metric) {
        this.metric = metric;
    }

    /** The value eKuiper's metrics use for this state. */
    public int metricValue() {
        return metric;
    }
}
