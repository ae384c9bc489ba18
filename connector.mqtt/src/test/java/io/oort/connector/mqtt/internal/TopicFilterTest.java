package io.oort.connector.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicFilterTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
        "a/b, a/b, true", "a/b, a/c, false", "a/b, a/b/c, false",
        "a/+, a/b, true", "a/+, a/b/c, false", "+/+, a/b, true", "a/+/c, a/x/c, true",
        "a/#, a/b/c, true", "a/#, a, true", "#, a/b, true", "a/#, b, false",
        "+, '', true", "a/+, a/, true",
        "#, $SYS/broker, false", "+/broker, $SYS/broker, false", "$SYS/#, $SYS/broker, true",
        "$share/g/a/+, a/b, true", "$queue/a/#, a/b, true"})
    void matches(String filter, String topic, boolean expected) {
        assertEquals(expected, TopicFilter.matches(filter, topic));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "a/b", "+", "#", "a/+/b", "a/#", "+/#", "/", "$SYS/#"})
    void validFilters(String filter) {
        assertNull(TopicFilter.validateFilter(filter));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/#/b", "a#", "a/b+", "#/a", "a/++"})
    void invalidFilters(String filter) {
        assertNotNull(TopicFilter.validateFilter(filter));
    }
}
