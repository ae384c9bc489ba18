package io.oort.engine.core.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Event time read from a string TIMESTAMP field with the stream's TIMESTAMP_FORMAT, in the engine's zone. */
class EventTimeFormatTest {

    @Test
    void timestampFormatReadsStringEventTimes() throws Exception {
        List<Object> out = new ArrayList<>();
        try (Oort oort = Oort.create().zone(ZoneId.of("Asia/Shanghai"))) {
            oort.execute("CREATE STREAM s (v BIGINT, t STRING) WITH (DATASOURCE=\"s\", TIMESTAMP=\"t\", "
                    + "TIMESTAMP_FORMAT=\"YYYY-MM-dd HH:mm:ss\")");
            RuleHandle r = oort.rule("r", "SELECT sum(v) AS total, window_end() AS we FROM s "
                    + "GROUP BY TUMBLINGWINDOW(ss, 10)", Map.of("isEventTime", true, "lateTolerance", 0),
                    new ResultListener() {
                        @Override
                        public void onResult(List<Map<String, Object>> rows) {
                            out.addAll(rows);
                        }

                        @Override
                        public void onError(String message) {
                            out.add("error: " + message);
                        }
                    });
            r.pushJson("s", "{\"v\":1,\"t\":\"2024-01-01 08:00:01\"}", 0);
            r.pushJson("s", "{\"v\":2,\"t\":\"2024-01-01 08:00:09\"}", 0);
            r.pushJson("s", "{\"v\":4,\"t\":\"2024-01-01 08:00:12\"}", 0);
            r.pushJson("s", "{\"v\":8,\"t\":\"yesterday\"}", 0);
        }
        // 08:00 in Shanghai is midnight UTC: the first window ends at 00:00:10Z
        long end = Instant.parse("2024-01-01T00:00:10Z").toEpochMilli();
        assertEquals(Map.of("total", 3L, "we", end), out.get(0));
        assertEquals("error: cannot convert timestamp field t to timestamp with error Can't parse string as time: "
                + "yesterday", out.get(1));
    }
}
