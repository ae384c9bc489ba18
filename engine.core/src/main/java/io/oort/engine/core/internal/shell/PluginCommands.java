package io.oort.engine.core.internal.shell;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.oort.engine.core.internal.plugin.ConnectorOffer;
import io.oort.engine.core.internal.plugin.PluginException;
import io.oort.engine.core.internal.plugin.PluginInfo;
import io.oort.engine.core.internal.plugin.PluginService;
import io.oort.engine.core.internal.util.EngineThreads;

/**
 * {@code oort:plugin <verb> ...}: the shell's plugin management, through the same {@link PluginService} as the REST
 * API. Gogo hands the words after the verb to the {@code String...} parameter:
 * <pre>
 * plugin list
 * plugin info &lt;name|type|function&gt;
 * plugin install &lt;url|path&gt; [name]
 * plugin update &lt;name&gt; &lt;url|path&gt;
 * plugin uninstall &lt;name|type|function&gt;
 * </pre>
 * A path is a file on the engine's machine (absolute, or relative to the engine's working directory).
 */
@Component(service = PluginCommands.class, immediate = true, property = {
        "osgi.command.scope=oort",
        "osgi.command.function=plugin"
})
public class PluginCommands {

    static final String USAGE = String.join("\n",
            "usage: plugin list",
            "       plugin info <name|type|function>",
            "       plugin install <url|path> [name]",
            "       plugin update <name> <url|path>",
            "       plugin uninstall <name|type|function>");

    private final PluginService plugins;
    private final ThreadPoolExecutor worker;

    @Activate
    public PluginCommands(@Reference PluginService plugins) {
        this.plugins = plugins;
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> EngineThreads.daemon(r, "oort-plugin-command"));
        worker.prestartAllCoreThreads();
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
    }

    /**
     * {@code oort:plugin <verb> [args...]}. Errors come back as one line starting with "error:". The work runs on a
     * thread started with the component, not by the shell session: Gogo captures the output of the session's
     * threads (and of threads they start), and the log lines written during an install belong in the log, not in
     * the command's answer.
     */
    public String plugin(String verb, String... args) {
        try {
            return worker.submit(() -> run(verb, args)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "error: interrupted";
        } catch (ExecutionException e) {
            return "error: " + e.getCause();
        }
    }

    private String run(String verb, String[] args) {
        try {
            return switch (verb) {
                case "list" -> list();
                case "info" -> info(arg(args, 0, "name"));
                case "install" -> {
                    String url = url(arg(args, 0, "url or path"));
                    String name = args.length > 1 ? args[1] : nameOf(url);
                    PluginInfo p = plugins.install(null, name, url, null, List.of());
                    yield "plugin " + p.name() + " installed: " + summary(p);
                }
                case "update" -> {
                    PluginInfo current = plugins.info(null, arg(args, 0, "name"));
                    PluginInfo p = plugins.update(null, current.name(), url(arg(args, 1, "url or path")), null,
                            List.of());
                    yield "plugin " + p.name() + " updated: " + summary(p);
                }
                case "uninstall" -> {
                    PluginInfo p = plugins.uninstall(null, arg(args, 0, "name"));
                    yield "plugin " + p.name() + " uninstalled (" + p.symbolicName() + " " + p.version() + ")";
                }
                default -> USAGE;
            };
        } catch (PluginException | IllegalArgumentException e) {
            return "error: " + e.getMessage();
        }
    }

    /** {@code oort:plugin} alone prints the usage. */
    public String plugin() {
        return USAGE;
    }

    private String list() {
        Table t = new Table("NAME", "BUNDLE", "VERSION", "STATE", "PROVIDES", "RULES");
        for (PluginInfo p : plugins.plugins()) {
            t.row(p.name(), p.symbolicName(), p.version(), p.state(), provides(p), String.join(",", p.rules()));
        }
        return t.toString();
    }

    private String info(String name) throws PluginException {
        PluginInfo p = plugins.info(null, name);
        StringBuilder sb = new StringBuilder();
        line(sb, "name", p.name() + (p.builtin() ? " (built in, not a plugin)" : ""));
        line(sb, "bundle", p.symbolicName() + " [" + p.bundleId() + "]");
        line(sb, "version", p.version());
        line(sb, "state", p.state());
        if (p.file() != null) {
            line(sb, "file", "plugins/" + p.file());
        }
        List<String> connectors = new ArrayList<>();
        for (ConnectorOffer c : p.connectors()) {
            connectors.add(c.toString());
        }
        line(sb, "connectors", connectors.isEmpty() ? "-" : String.join(", ", connectors));
        line(sb, "functions", p.functions().isEmpty() ? "-" : String.join(", ", p.functions()));
        line(sb, "rules", p.rules().isEmpty() ? "-" : String.join(", ", p.rules()));
        return sb.toString();
    }

    private static void line(StringBuilder sb, String key, String value) {
        sb.append(String.format("%-12s%s%n", key + ":", value));
    }

    private static String provides(PluginInfo p) {
        List<String> parts = new ArrayList<>();
        for (ConnectorOffer c : p.connectors()) {
            parts.add(c.toString());
        }
        for (String f : p.functions()) {
            parts.add("function " + f);
        }
        return String.join(", ", parts);
    }

    private static String summary(PluginInfo p) {
        return p.symbolicName() + " " + p.version() + " " + p.state() + " (" + provides(p) + ")";
    }

    private static String arg(String[] args, int i, String what) {
        if (args == null || args.length <= i || args[i].isBlank()) {
            throw new IllegalArgumentException("missing " + what + "\n" + USAGE);
        }
        return args[i];
    }

    /** A URL as given, or a local path turned into a file: URL. */
    static String url(String s) {
        if (s.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")) {
            return s;
        }
        return Paths.get(s).toAbsolutePath().normalize().toUri().toString();
    }

    /** The plugin name an install without one gets: the file name without extension and version. */
    private static String nameOf(String url) {
        String last = url.replaceAll("[?#].*$", "").replaceAll(".*/", "");
        String n = last.replaceFirst("(?i)\\.(jar|zip)$", "")
                .replaceFirst("[-_@]v?\\d+(\\.\\d+)*([-.][A-Za-z0-9]+)*$", "");
        return n.isEmpty() ? last : n;
    }
}
