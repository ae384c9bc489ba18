package io.oort.engine.core.internal.shell;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.oort.engine.core.internal.service.EngineService;

/**
 * Oort's Gogo commands, scope {@code oort}, mirroring eKuiper's CLI ({@code bin/kuiper create stream ...}). Each
 * command calls the engine's service API through {@link Commands} and answers text: terminal tables, eKuiper's
 * sentences, or one line {@code error: ...}. Gogo passes every argument as a string; commands with optional
 * arguments are overloaded by argument count, which Gogo resolves. {@code import} is a Java keyword: Gogo maps the
 * command to {@code _import}. Use the scope ({@code oort:start}) where Gogo has a command of the same name.
 */
@Component(service = OortCommands.class, immediate = true, property = {
        "osgi.command.scope=oort",
        "osgi.command.function=connectors",
        "osgi.command.function=create",
        "osgi.command.function=show",
        "osgi.command.function=describe",
        "osgi.command.function=drop",
        "osgi.command.function=getstatus",
        "osgi.command.function=gettopo",
        "osgi.command.function=start",
        "osgi.command.function=stop",
        "osgi.command.function=restart",
        "osgi.command.function=validate",
        "osgi.command.function=import",
        "osgi.command.function=export",
        "osgi.command.function=query"
})
public class OortCommands {

    private final EngineService engine;
    private final Commands commands;

    @Activate
    public OortCommands(@Reference EngineService engine) {
        this.engine = engine;
        this.commands = new Commands(engine);
    }

    /** {@code oort:connectors}: the installed connector types with their bundle and version. */
    public String connectors() {
        List<Map<String, String>> rows = engine.connectorTable();
        Table t = new Table("TYPE", "KIND", "BUNDLE", "VERSION");
        for (Map<String, String> r : rows) {
            t.row(r.get("type"), r.get("kind"), r.get("bundle"), r.get("version"));
        }
        return t.toString();
    }

    /** {@code create stream|table <name> '<definition>'}, {@code create rule <id> '<json>'}, or {@code -f <file>}. */
    public String create(String kind, String name, String definition) {
        return commands.run(() -> commands.create(kind, name, definition));
    }

    /** {@code show streams|tables|rules|connections}. */
    public String show(String what) {
        return commands.run(() -> commands.show(what));
    }

    /** {@code describe stream|table|rule|connection <name>}. */
    public String describe(String kind, String name) {
        return commands.run(() -> commands.describe(kind, name));
    }

    /** {@code drop stream|table|rule|connection <name>}. */
    public String drop(String kind, String name) {
        return commands.run(() -> commands.drop(kind, name));
    }

    /** {@code getstatus rule <id>}: status and metrics as a table. */
    public String getstatus(String kind, String id) {
        return commands.run(() -> commands.status(kind, id));
    }

    /** {@code getstatus import}: the errors of the last import. */
    public String getstatus(String kind) {
        return commands.run(() -> commands.status(kind, null));
    }

    /** {@code gettopo rule <id>}. */
    public String gettopo(String kind, String id) {
        return commands.run(() -> commands.topo(kind, id));
    }

    /** {@code start rule <id>}. */
    public String start(String kind, String id) {
        return commands.run(() -> commands.lifecycle("start", kind, id));
    }

    /** {@code stop rule <id>}. */
    public String stop(String kind, String id) {
        return commands.run(() -> commands.lifecycle("stop", kind, id));
    }

    /** {@code restart rule <id>}. */
    public String restart(String kind, String id) {
        return commands.run(() -> commands.lifecycle("restart", kind, id));
    }

    /** {@code validate rule '<json>'}. */
    public String validate(String kind, String json) {
        return commands.run(() -> commands.validate(kind, json));
    }

    /** {@code import <file>}: replaces everything with the file's content (all or nothing). */
    public String _import(String file) {
        return commands.run(() -> commands.importFile(new String[] {file}));
    }

    /** {@code import <file> partial}, {@code import data|ruleset <file>}. */
    public String _import(String a, String b) {
        return commands.run(() -> commands.importFile(new String[] {a, b}));
    }

    /** {@code import data -f <file>}, {@code import data <file> partial}. */
    public String _import(String a, String b, String c) {
        return commands.run(() -> commands.importFile(new String[] {a, b, c}));
    }

    /** {@code import data -f <file> -p|-s}. */
    public String _import(String a, String b, String c, String d) {
        return commands.run(() -> commands.importFile(new String[] {a, b, c, d}));
    }

    /** {@code export <file>}: everything. */
    public String export(String file) {
        return commands.run(() -> commands.exportFile(new String[] {file}));
    }

    /** {@code export data|ruleset <file>}. */
    public String export(String a, String b) {
        return commands.run(() -> commands.exportFile(new String[] {a, b}));
    }

    /** {@code export data <file> '["rule1","rule2"]'}: those rules and what they depend on. */
    public String export(String a, String b, String c) {
        return commands.run(() -> commands.exportFile(new String[] {a, b, c}));
    }

    /** {@code export data <file> -r '["rule1"]'} (eKuiper's flag). */
    public String export(String a, String b, String c, String d) {
        return commands.run(() -> commands.exportFile(new String[] {a, b, c, d}));
    }

    /** {@code query '<SELECT>'}: prints up to 10 result rows or waits at most 30 s. */
    public String query(String sql) {
        return commands.run(() -> commands.query(sql, 10, 30, System.out::println));
    }

    /** {@code query '<SELECT>' <rows>}. */
    public String query(String sql, String rows) {
        return commands.run(() -> commands.query(sql, Commands.positive(rows, "rows"), 30, System.out::println));
    }

    /** {@code query '<SELECT>' <rows> <seconds>}. */
    public String query(String sql, String rows, String seconds) {
        return commands.run(() -> commands.query(sql, Commands.positive(rows, "rows"),
                Commands.positive(seconds, "seconds"), System.out::println));
    }
}
