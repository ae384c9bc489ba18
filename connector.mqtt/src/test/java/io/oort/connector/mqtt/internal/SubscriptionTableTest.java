package io.oort.connector.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SubscriptionTableTest {
    private static MessageHandler handler() {
        return new MessageHandler() {
            @Override
            public void onMessage(InboundMessage message) {
            }

            @Override
            public void onError(Throwable error) {
            }
        };
    }

    @Test
    void oneBrokerSubscriptionPerFilterAndReferenceCounting() {
        SubscriptionTable t = new SubscriptionTable();
        MessageHandler a = handler();
        MessageHandler b = handler();
        assertEquals(List.of("x/#", "y"), t.add(List.of("x/#", "y"), 1, a));
        assertEquals(List.of("z"), t.add(List.of("y", "z"), 2, b), "y is already subscribed");
        assertEquals(1, t.qosOf("y"), "the first subscriber's QoS stays");
        assertEquals(Map.of(1, List.of("x/#", "y"), 2, List.of("z")), t.filtersByQos());

        assertEquals(List.of(a, b), t.route("y"));
        assertEquals(List.of(a), t.route("x/1/2"));
        assertEquals(List.of(), t.route("w"));

        assertEquals(List.of("x/#"), t.remove(a), "y is still used by b");
        assertEquals(List.of(b), t.route("y"));
        assertEquals(List.of("y", "z"), t.remove(b));
        assertEquals(Map.of(), t.filtersByQos());
    }

    @Test
    void overlappingFiltersDeliverOncePerHandler() {
        SubscriptionTable t = new SubscriptionTable();
        MessageHandler a = handler();
        t.add(List.of("s/#", "s/+/t", "s/1/t"), 0, a);
        assertEquals(List.of(a), t.route("s/1/t"));
    }
}
