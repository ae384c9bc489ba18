package io.oort.example.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.oort.engine.core.api.function.FunctionException;

class StatsFunctionsTest {

    @Test
    void clampKeepsIntegersIntegers() throws FunctionException {
        Clamp c = new Clamp();
        assertEquals(10L, c.call(null, new Object[] {42L, 0L, 10L}));
        assertEquals(0.5, c.call(null, new Object[] {0.5, 0L, 1L}));
        assertNull(c.call(null, new Object[] {null, 0L, 1L}));
        assertEquals("expect 3 arguments but found 1", c.validate(new Object[] {1L}));
        assertThrows(FunctionException.class, () -> c.call(null, new Object[] {"x", 0L, 1L}));
    }

    @Test
    void geomeanOfAGroup() throws FunctionException {
        GeoMean g = new GeoMean();
        assertEquals(4.0, (Double) g.aggregate(null, List.of(Arrays.asList(2L, 8L, null))), 1e-9);
        assertNull(g.aggregate(null, List.of(List.of())));
        assertThrows(FunctionException.class, () -> g.aggregate(null, List.of(List.of(-1L))));
    }
}
