package io.oort.engine.core.internal.shell;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.oort.engine.core.internal.service.EngineService;

/**
 * Oort's Gogo commands, scope {@code oort}. Each command calls the engine's service API and formats the answer as a
 * table; errors come back as one line.
 */
@Component(service = OortCommands.class, immediate = true, property = {
        "osgi.command.scope=oort",
        "osgi.command.function=connectors"
})
public class OortCommands {

    private final EngineService engine;

    @Activate
    public OortCommands(@Reference EngineService engine) {
        this.engine = engine;
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
}
