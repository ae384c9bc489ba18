package io.oort.engine.core.internal.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.oort.engine.core.internal.catalog.StreamDef;
import io.oort.engine.core.internal.management.DataTransfer;
import io.oort.engine.core.internal.management.QueryRunner;
import io.oort.engine.core.internal.management.Sections;
import io.oort.engine.core.internal.management.StreamStatements;
import io.oort.engine.core.internal.rule.RuleDef;
import io.oort.engine.core.internal.service.EngineService;
import io.oort.engine.core.internal.service.ServiceException;
import io.oort.engine.sql.analyzer.SourceInfo;

/**
 * The shell commands' work, independent of Gogo: argument checks, one service call, and the text to print. Every
 * failure becomes one line {@code error: <message>}.
 */
final class Commands {

    /** A command body. */
    interface Action {
        String run() throws Exception;
    }

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EngineService engine;

    Commands(EngineService engine) {
        this.engine = engine;
    }

    /** Runs a command; any failure is one line. */
    String run(Action a) {
        try {
            return a.run();
        } catch (ServiceException | IllegalArgumentException e) {
            return "error: " + oneLine(e.getMessage());
        } catch (IOException e) {
            return "error: " + oneLine(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "error: interrupted";
        } catch (Exception e) {
            return "error: " + oneLine(String.valueOf(e));
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace("\r", " ").replace("\n", " ");
    }

    static int positive(String s, String what) {
        try {
            int n = Integer.parseInt(s.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException(what + " must be a positive number, got " + s);
    }

    private static String kind(String kind, String... allowed) {
        String k = kind.toLowerCase(Locale.ROOT);
        for (String a : allowed) {
            if (a.equals(k)) {
                return k;
            }
        }
        throw new IllegalArgumentException("expected " + String.join(" | ", allowed) + ", got " + kind);
    }

    private static String readFile(String file) throws IOException {
        return Files.readString(Paths.get(file), StandardCharsets.UTF_8);
    }

    String create(String kind, String name, String definition) throws Exception {
        String k = kind(kind, "stream", "table", "rule");
        boolean fromFile = "-f".equals(name);
        String def = fromFile ? readFile(definition) : definition;
        if (k.equals("rule")) {
            return engine.rules().create(RuleDef.parse(def, fromFile ? null : name));
        }
        String sql = fromFile || def.strip().regionMatches(true, 0, "create", 0, 6) ? def
                : "CREATE " + k.toUpperCase(Locale.ROOT) + " " + name + " " + def;
        return engine.streamStatements().execute(sql);
    }

    String show(String what) throws Exception {
        switch (kind(what, "streams", "tables", "rules", "connections")) {
            case "streams", "tables" -> {
                boolean table = what.equalsIgnoreCase("tables");
                Table t = new Table("NAME", "TYPE", "FORMAT", "DATASOURCE");
                for (StreamDef d : engine.catalog().list(table)) {
                    t.row(d.name(), d.statement().options().type(), d.statement().options().format(),
                            d.statement().options().datasource());
                }
                return t.toString();
            }
            case "rules" -> {
                Table t = new Table("ID", "NAME", "STATUS", "TAGS");
                for (Map<String, Object> r : engine.rules().list()) {
                    t.row(r.get("id"), r.get("name"), r.get("status"), String.join(",", tags(r.get("tags"))));
                }
                return t.toString();
            }
            default -> {
                Table t = new Table("ID", "TYPE", "STATUS", "RULES");
                for (Map<String, Object> c : engine.connections().list()) {
                    t.row(c.get("id"), c.get("typ"), c.getOrDefault("status", "-"), c.getOrDefault("refCount", 0));
                }
                return t.toString();
            }
        }
    }

    private static List<String> tags(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            l.forEach(x -> out.add(String.valueOf(x)));
        }
        return out;
    }

    String describe(String kind, String name) throws Exception {
        return switch (kind(kind, "stream", "table", "rule", "connection")) {
            case "rule" -> PRETTY.writeValueAsString(engine.rules().definition(name).tree());
            case "connection" -> PRETTY.writeValueAsString(engine.connections().get(name));
            default -> StreamStatements.describeText(engine.catalog().get(name, kind.equalsIgnoreCase("table")));
        };
    }

    String drop(String kind, String name) throws Exception {
        return switch (kind(kind, "stream", "table", "rule", "connection")) {
            case "rule" -> engine.rules().delete(name);
            case "connection" -> {
                engine.connections().delete(name);
                yield "Connection " + name + " is dropped.";
            }
            default -> engine.streamStatements().drop(name, kind.equalsIgnoreCase("table"));
        };
    }

    String status(String kind, String id) throws Exception {
        if (id == null) {
            kind(kind, "import");
            return PRETTY.writeValueAsString(engine.transfer().status().asMap());
        }
        kind(kind, "rule");
        Table t = new Table("KEY", "VALUE");
        for (Map.Entry<String, Object> e : engine.rules().status(id).entrySet()) {
            t.row(e.getKey(), e.getValue());
        }
        return t.toString();
    }

    String topo(String kind, String id) throws Exception {
        kind(kind, "rule");
        return PRETTY.writeValueAsString(engine.plans().topo(id));
    }

    String lifecycle(String verb, String kind, String id) throws Exception {
        kind(kind, "rule");
        return switch (verb) {
            case "start" -> engine.rules().start(id);
            case "stop" -> engine.rules().stop(id);
            default -> engine.rules().restart(id);
        };
    }

    String validate(String kind, String json) throws Exception {
        kind(kind, "rule");
        List<String> sources = new ArrayList<>();
        for (SourceInfo s : engine.rules().validate(RuleDef.parse(json, null)).sources()) {
            sources.add(s.name());
        }
        return "The rule is valid; it reads " + String.join(", ", sources) + ".";
    }

    /**
     * {@code <file> [partial]}, {@code data|ruleset <file> [partial]} or eKuiper's {@code data -f <file> [-p] [-s]}
     * ({@code -s}, stop after importing, is refused here: it would stop the engine under the shell).
     */
    String importFile(String[] args) throws Exception {
        List<String> a = new ArrayList<>(List.of(args));
        String what = "data";
        if (a.get(0).equalsIgnoreCase("data") || a.get(0).equalsIgnoreCase("ruleset")) {
            what = a.remove(0).toLowerCase(Locale.ROOT);
        }
        a.remove("-f");
        boolean partial = a.remove("partial") | a.remove("-p") | a.remove("-p=true");
        if (a.contains("-s")) {
            throw new IllegalArgumentException("-s (stop after import) is only offered by POST /data/import?stop=1");
        }
        if (a.size() != 1) {
            throw new IllegalArgumentException("usage: import [data|ruleset] [-f] <file> [partial]");
        }
        String content = readFile(a.get(0));
        if (what.equals("ruleset")) {
            return engine.transfer().importRuleset(content);
        }
        DataTransfer.Result r = engine.transfer().importData(content, partial, false);
        if (!r.ok()) {
            throw new IllegalArgumentException("import failed" + (partial ? " for some entries" : ", nothing changed")
                    + ": " + r.errors().toJson());
        }
        return "imported " + a.get(0) + (partial ? " (partial)" : "");
    }

    /** {@code <file>}, {@code data|ruleset <file>}, {@code data <file> [-r] '["r1"]'}. */
    String exportFile(String[] args) throws Exception {
        List<String> a = new ArrayList<>(List.of(args));
        String what = "data";
        if (a.size() > 1 && (a.get(0).equalsIgnoreCase("data") || a.get(0).equalsIgnoreCase("ruleset"))) {
            what = a.remove(0).toLowerCase(Locale.ROOT);
        }
        a.remove("-r");
        if (a.isEmpty() || a.size() > 2) {
            throw new IllegalArgumentException("usage: export [data|ruleset] <file> [-r '[\"rule1\"]']");
        }
        Path file = Paths.get(a.get(0));
        Object content;
        if (what.equals("ruleset")) {
            content = engine.transfer().exportRuleset();
        } else if (a.size() == 2) {
            List<String> ids = new ArrayList<>();
            try {
                for (Object o : JSON.readValue(a.get(1), List.class)) {
                    ids.add(String.valueOf(o));
                }
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("rules must be a JSON array of ids: " + e.getOriginalMessage());
            }
            content = engine.transfer().exportRules(ids).asMap();
        } else {
            Sections s = engine.transfer().exportAll();
            content = s.asMap();
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, PRETTY.writeValueAsString(content), StandardCharsets.UTF_8);
        return "exported to " + file.toAbsolutePath();
    }

    /** Runs a one-off SELECT and hands each result row, as JSON, to {@code out}; stops at {@code rows} or time. */
    String query(String sql, int rows, int seconds, Consumer<String> out) throws Exception {
        int n = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try (QueryRunner.Query q = engine.queries().start(sql)) {
            while (n < rows) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || Thread.currentThread().isInterrupted()) {
                    break;
                }
                Map<String, Object> row = q.next(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)),
                        TimeUnit.NANOSECONDS);
                if (row != null) {
                    out.accept(JSON.writeValueAsString(row));
                    n++;
                }
            }
        }
        return n + (n == 1 ? " row" : " rows") + (n < rows ? " (stopped after " + seconds + " s)" : "");
    }
}
