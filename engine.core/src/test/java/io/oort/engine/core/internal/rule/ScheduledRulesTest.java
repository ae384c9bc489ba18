package io.oort.engine.core.internal.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.oort.engine.core.internal.config.EngineConfig;
import io.oort.engine.core.internal.registry.ConnectorRegistry;
import io.oort.engine.core.internal.service.EngineService;
import io.oort.engine.core.internal.service.ServiceException;

/**
 * Scheduled rules on a manual clock: cron windows, duration-only rules, datetime ranges, manual stops, and bad
 * schedules refused at creation. The patrol is invoked directly after each clock move (its periodic timer is off).
 */
class ScheduledRulesTest {

    private final AtomicLong now = new AtomicLong(at("2026-03-02 10:02:00"));
    private EngineService engine;
    private RuleManager rules;

    @BeforeEach
    void open() throws Exception {
        engine = new EngineService(new ConnectorRegistry(),
                EngineConfig.of(Map.of("basic.timezone", "UTC", "basic.rulePatrolInterval", "0s")), null, now::get);
        rules = engine.rules();
        engine.catalog().create("CREATE STREAM s (v BIGINT) WITH (TYPE=\"memory\", DATASOURCE=\"in\")");
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private static long at(String t) {
        return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private void create(String id, String options) throws ServiceException {
        rules.create(RuleDef.parse("{\"id\":\"" + id + "\",\"sql\":\"SELECT v FROM s\",\"actions\":[{\"memory\":"
                + "{\"topic\":\"out_" + id + "\"}}],\"options\":" + options + "}", null));
    }

    private void moveTo(String t) {
        now.set(at(t));
        rules.patrol();
    }

    private String status(String id) throws ServiceException {
        return (String) rules.status(id).get("status");
    }

    @Test
    void cronWindowOpensAndClosesOnSchedule() throws Exception {
        create("c", "{\"cron\":\"*/5 * * * *\",\"duration\":\"1m\"}");
        assertEquals("stopped: waiting for next schedule.", status("c"));
        assertEquals(at("2026-03-02 10:05:00"), ((Number) rules.status("c").get("nextStartTimestamp")).longValue());

        moveTo("2026-03-02 10:04:59");
        assertEquals("stopped: waiting for next schedule.", status("c"));
        moveTo("2026-03-02 10:05:00");
        // at the activation instant itself eKuiper's window has not opened yet (now must be after it)
        assertEquals("stopped: waiting for next schedule.", status("c"));
        now.set(at("2026-03-02 10:05:00") + 1);
        rules.patrol();
        assertEquals("running", status("c"));
        assertEquals(now.get(), ((Number) rules.status("c").get("lastStartTimestamp")).longValue());

        moveTo("2026-03-02 10:05:59");
        assertEquals("running", status("c"));
        moveTo("2026-03-02 10:06:00");
        assertEquals("stopped: waiting for next schedule.", status("c"));
        assertEquals(at("2026-03-02 10:10:00"), ((Number) rules.status("c").get("nextStartTimestamp")).longValue());
    }

    @Test
    void ruleCreatedInsideItsWindowStartsAtOnce() throws Exception {
        now.set(at("2026-03-02 10:05:30"));
        create("w", "{\"cron\":\"*/5 * * * *\",\"duration\":\"1m\"}");
        assertEquals("running", status("w"));
    }

    @Test
    void durationOnlyRuleStopsItselfWhenTimeIsUp() throws Exception {
        create("d", "{\"duration\":\"30s\"}");
        assertEquals("running", status("d"));
        moveTo("2026-03-02 10:02:29");
        assertEquals("running", status("d"));
        moveTo("2026-03-02 10:02:30");
        assertEquals("stopped", status("d"));
        assertEquals("duration terminated", rules.status("d").get("message"));
        moveTo("2026-03-02 10:09:00");
        assertEquals("stopped", status("d"), "a finished duration rule stays stopped until started again");
        rules.start("d");
        assertEquals("running", status("d"));
    }

    @Test
    void datetimeRangesHoldTheRuleOutsideThem() throws Exception {
        create("r", "{\"cronDatetimeRange\":[{\"begin\":\"2026-03-02 11:00:00\",\"end\":\"2026-03-02 12:00:00\"},"
                + "{\"beginTimestamp\":" + at("2026-03-03 00:00:00") + ",\"endTimestamp\":"
                + at("2026-03-03 01:00:00") + "}]}");
        assertEquals("stopped: waiting for next schedule.", status("r"));
        moveTo("2026-03-02 11:30:00");
        assertEquals("running", status("r"));
        moveTo("2026-03-02 12:00:00");
        assertEquals("stopped: waiting for next schedule.", status("r"));
        moveTo("2026-03-03 00:10:00");
        assertEquals("running", status("r"));
        moveTo("2026-03-04 00:00:00");
        assertEquals("stopped: waiting for next schedule.", status("r"));
    }

    @Test
    void cronInsideRangesRunsOnlyWhereBothAgree() throws Exception {
        create("cr", "{\"cron\":\"0 * * * *\",\"duration\":\"10m\",\"cronDatetimeRange\":[{\"begin\":"
                + "\"2026-03-02 12:30:00\",\"end\":\"2026-03-02 15:00:00\"}]}");
        assertEquals(0L, ((Number) rules.status("cr").get("nextStartTimestamp")).longValue(),
                "outside the ranges there is no next start, as in eKuiper");
        moveTo("2026-03-02 11:05:00");
        assertEquals("stopped: waiting for next schedule.", status("cr"), "cron window, but before the range");
        moveTo("2026-03-02 13:05:00");
        assertEquals("running", status("cr"));
        moveTo("2026-03-02 13:20:00");
        assertEquals("stopped: waiting for next schedule.", status("cr"));
        assertEquals(at("2026-03-02 14:00:00"), ((Number) rules.status("cr").get("nextStartTimestamp")).longValue());
    }

    @Test
    void manuallyStoppedScheduledRuleStaysStopped() throws Exception {
        create("m", "{\"cron\":\"*/5 * * * *\",\"duration\":\"1m\"}");
        rules.stop("m");
        moveTo("2026-03-02 10:05:30");
        assertEquals("stopped", status("m"));
        rules.start("m");
        assertEquals("running", status("m"), "started inside its window");
    }

    @Test
    void badSchedulesAreRefusedAtCreation() {
        ServiceException e = assertThrows(ServiceException.class,
                () -> create("b1", "{\"cron\":\"61 * * * *\",\"duration\":\"1m\"}"));
        assertTrue(e.getMessage().contains("invalid rule option cron"), e.getMessage());
        e = assertThrows(ServiceException.class, () -> create("b2", "{\"cron\":\"* * *\"}"));
        assertTrue(e.getMessage().contains("expected exactly 5 fields"), e.getMessage());
        e = assertThrows(ServiceException.class, () -> create("b3", "{\"cronDatetimeRange\":[{\"begin\":"
                + "\"2026-03-02 12:00:00\",\"end\":\"2026-03-02 11:00:00\"}]}"));
        assertTrue(e.getMessage().contains("begin time shouldn't after end time"), e.getMessage());
        e = assertThrows(ServiceException.class, () -> create("b4", "{\"cronDatetimeRange\":[{\"begin\":"
                + "\"tomorrow\",\"end\":\"2026-03-02 11:00:00\"}]}"));
        assertTrue(e.getMessage().contains("cannot read begin"), e.getMessage());
        assertEquals(List.of(), rules.ids());
    }
}
