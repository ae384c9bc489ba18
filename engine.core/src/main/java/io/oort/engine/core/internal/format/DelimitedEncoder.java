package io.oort.engine.core.internal.format;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.oort.engine.sql.value.Cast;
import io.oort.engine.sql.value.Strictness;

/** FORMAT="delimited" for sinks: a row's values (columns in sorted key order) joined by the delimiter, one line per row. */
final class DelimitedEncoder implements Encoder {

    private final String delimiter;
    private final boolean header;

    DelimitedEncoder(String delimiter, boolean header) {
        this.delimiter = delimiter;
        this.header = header;
    }

    @Override
    public byte[] encodeRows(List<Map<String, Object>> rows) {
        StringBuilder sb = new StringBuilder();
        List<String> cols = rows.isEmpty() ? List.of() : columns(rows.get(0));
        if (header && !cols.isEmpty()) {
            sb.append(String.join(delimiter, cols)).append('\n');
        }
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                sb.append('\n');
            }
            line(sb, rows.get(i), cols);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] encodeRow(Map<String, Object> row) {
        StringBuilder sb = new StringBuilder();
        List<String> cols = columns(row);
        if (header) {
            sb.append(String.join(delimiter, cols)).append('\n');
        }
        line(sb, row, cols);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] encodeValue(Object value) {
        return Cast.toStr(value, Strictness.CONVERT_ALL).getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> columns(Map<String, Object> row) {
        List<String> cols = new ArrayList<>(row.keySet());
        Collections.sort(cols);
        return cols;
    }

    private void line(StringBuilder sb, Map<String, Object> row, List<String> cols) {
        for (int j = 0; j < cols.size(); j++) {
            if (j > 0) {
                sb.append(delimiter);
            }
            Object v = row.get(cols.get(j));
            sb.append(v == null ? "" : Cast.toStr(v, Strictness.CONVERT_ALL));
        }
    }
}
