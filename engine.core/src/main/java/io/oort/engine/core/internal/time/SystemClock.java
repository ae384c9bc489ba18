package io.oort.engine.core.internal.time;

import io.oort.engine.core.api.EngineClock;

/** The wall clock. */
public final class SystemClock implements EngineClock {

    public static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {
    }

    @Override
    public long millis() {
        return System.currentTimeMillis();
    }
}
