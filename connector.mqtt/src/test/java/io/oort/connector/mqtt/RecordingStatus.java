package io.oort.connector.mqtt;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.oort.engine.core.api.ConnectionStatus;
import io.oort.engine.core.api.StatusListener;

/** Records status reports. */
public final class RecordingStatus implements StatusListener {
    /** One report. */
    public record Event(ConnectionStatus status, String message) {
    }

    public final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void onStatus(ConnectionStatus status, String message) {
        events.add(new Event(status, message));
    }

    public ConnectionStatus current() {
        return events.isEmpty() ? null : events.get(events.size() - 1).status();
    }

    public Event last() {
        return events.isEmpty() ? null : events.get(events.size() - 1);
    }

    /** Waits until the latest report is {@code status}. */
    public Event await(ConnectionStatus status, Duration timeout) {
        Await.until(timeout, () -> current() == status, "status " + status + " (reports so far: " + events + ")");
        return last();
    }

    public Event await(ConnectionStatus status) {
        return await(status, Duration.ofSeconds(15));
    }
}
