package io.oort.engine.core.internal.sink.cache;

import java.util.List;
import java.util.Map;

/**
 * One message kept by a sink cache, as it was ready for the connector: its payload (byte sinks), rows (row sinks, and
 * byte sinks when the rows are at hand), its templated properties already evaluated, and, for the resend queue with
 * a {@code resendIndicatorField}, the data the message was transformed from (so the resend can be transformed again
 * with the indicator set).
 */
public record CacheEntry(byte[] payload, List<Map<String, Object>> rows, Map<String, String> props, Object source) {

    public CacheEntry {
        props = props == null ? Map.of() : props;
    }
}
