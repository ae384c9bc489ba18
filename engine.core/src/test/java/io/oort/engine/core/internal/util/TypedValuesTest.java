package io.oort.engine.core.internal.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Values come back as they went in (exact), or widened the way the sink cache always stored them (portable). */
class TypedValuesTest {

    private static Object roundTrip(TypedValues codec, Object v) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            codec.write(out, v);
        }
        return codec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }

    @Test
    void exactKeepsEveryTypeAndOrder() throws IOException {
        TypedValues exact = TypedValues.exact("test");
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", 1L);
        nested.put("a", List.of(2.5, "s", true));
        nested.put("n", null);
        List<Object> values = Arrays.asList(null, true, false, 7L, 7, (short) 3, 1.5, 1.5f, "héllo", new BigDecimal("1.10"),
                new BigInteger("123456789012345678901234567890"), Instant.ofEpochSecond(5, 123),
                ZonedDateTime.of(2026, 11, 27, 8, 0, 0, 0, ZoneId.of("Europe/Paris")), nested);
        for (Object v : values) {
            Object back = roundTrip(exact, v);
            Object expected = v instanceof Short s ? Integer.valueOf(s) : v;
            assertEquals(expected, back, String.valueOf(v));
            assertEquals(expected == null ? null : expected.getClass(), back == null ? null : back.getClass());
        }
        assertEquals(List.of("z", "a", "n"), List.copyOf(((Map<?, ?>) roundTrip(exact, nested)).keySet()));
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) roundTrip(exact, new byte[] {1, 2, 3}));
        assertArrayEquals(new Object[] {1L, "x", null}, (Object[]) roundTrip(exact, new Object[] {1L, "x", null}));
        assertThrows(TypedValues.Unsupported.class, () -> roundTrip(exact, new Object()));
    }

    @Test
    void portableWidensNumbersAndWritesOtherTypesAsStrings() throws IOException {
        TypedValues portable = TypedValues.portable("test");
        assertEquals(7L, roundTrip(portable, 7));
        assertEquals(1.5, roundTrip(portable, 1.5f));
        assertEquals("123", roundTrip(portable, new BigInteger("123")));
        assertEquals("thing", roundTrip(portable, new Object() {
            @Override
            public String toString() {
                return "thing";
            }
        }));
    }

    @Test
    void aTruncatedOrForeignStreamIsReportedAsCorrupt() {
        byte[] lengthTooLong = {5, 0, 0, 0, 100, 'a'}; // a string tag announcing 100 bytes, holding 1
        IOException e = assertThrows(IOException.class, () -> TypedValues.exact("checkpoint")
                .read(new DataInputStream(new ByteArrayInputStream(lengthTooLong))));
        assertEquals("corrupt checkpoint", e.getMessage());
        assertThrows(IOException.class, () -> TypedValues.exact("checkpoint")
                .read(new DataInputStream(new ByteArrayInputStream(new byte[] {99}))));
    }
}
