package io.oort.engine.sql.function;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** A fixed FnContext for function tests: rule "test", clock and zone settable. */
public final class TestFnContext implements FnContext {

    public long now = 1_700_000_000_000L;
    public ZoneId zone = ZoneOffset.UTC;
    public long eventTime = now;
    public final Map<String, Object> meta = new HashMap<>();
    public final Map<String, Object> state = new HashMap<>();

    @Override
    public String ruleId() {
        return "test";
    }

    @Override
    public long nowMillis() {
        return now;
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public long ruleStartMillis() {
        return now;
    }

    @Override
    public Object meta(String key) {
        return meta.get(key);
    }

    @Override
    public Map<String, Object> metaAll() {
        return meta;
    }

    @Override
    public long eventTime() {
        return eventTime;
    }

    @Override
    public Map<String, Object> ruleState() {
        return state;
    }
}
