package io.oort.engine.core.internal.plugin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleWiring;

import io.oort.engine.core.api.ConnectorKind;
import io.oort.engine.core.api.ConnectorProvider;
import io.oort.engine.core.api.function.AggregateFunction;
import io.oort.engine.core.api.function.ScalarFunction;
import io.oort.engine.core.api.function.SqlFunction;
import io.oort.engine.core.internal.registry.ConnectorRegistry;
import io.oort.engine.core.internal.service.EngineService;
import io.oort.engine.sql.function.FunctionDef;

/**
 * What is installed: the plugin bundles (one per jar in {@code plugins/}), what each provides according to its
 * registered services, and the rules using it. Finds a plugin by its name, a connector type or a function name.
 */
final class PluginInventory {

    private final BundleContext ctx;
    private final PluginLocations locations;
    private final EngineService engine;
    private final PluginFunctions functions;

    PluginInventory(BundleContext ctx, PluginLocations locations, EngineService engine, PluginFunctions functions) {
        this.ctx = ctx;
        this.locations = locations;
        this.engine = engine;
        this.functions = functions;
    }

    /** Every plugin, sorted by name; a jar FileInstall has not (or could not) install shows with state "pending". */
    List<PluginInfo> list() {
        List<PluginInfo> out = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (Bundle b : ctx.getBundles()) {
            Path file = locations.fileOf(b);
            if (file != null && b.getState() != Bundle.UNINSTALLED) {
                seen.add(file);
                out.add(info(b, file));
            }
        }
        if (locations.dir() != null && Files.isDirectory(locations.dir())) {
            try (var files = Files.list(locations.dir())) {
                files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                        .map(f -> f.toAbsolutePath().normalize()).filter(f -> !seen.contains(f))
                        .forEach(f -> out.add(new PluginInfo(nameOf(f), f.getFileName().toString(), -1, null, null,
                                "pending", 0, List.of(), List.of(), List.of(), false)));
            } catch (java.io.IOException e) {
                // listing what is installed still works
            }
        }
        out.sort(Comparator.comparing(PluginInfo::name));
        return out;
    }

    PluginInfo info(Bundle b, Path file) {
        List<ConnectorOffer> connectors = new ArrayList<>();
        List<String> fns = new ArrayList<>();
        offers(b, connectors, fns);
        Set<String> rules = new LinkedHashSet<>();
        for (ConnectorOffer c : connectors) {
            rules.addAll(engine.rules().usersOf(c.kind(), c.type()));
        }
        for (String f : fns) {
            rules.addAll(engine.rules().usersOfFunction(f));
        }
        return new PluginInfo(file == null ? b.getSymbolicName() : nameOf(file),
                file == null ? null : file.getFileName().toString(), b.getBundleId(), b.getSymbolicName(),
                b.getVersion().toString(), state(b.getState()), b.getLastModified(), connectors, fns,
                new ArrayList<>(rules), file == null);
    }

    /** The connector types and function names a bundle's registered services provide. */
    private static void offers(Bundle b, List<ConnectorOffer> connectors, List<String> fns) {
        ServiceReference<?>[] refs;
        try {
            refs = b.getRegisteredServices();
        } catch (IllegalStateException e) {
            return;
        }
        if (refs == null) {
            return;
        }
        for (ServiceReference<?> r : refs) {
            List<String> classes = List.of((String[]) r.getProperty(Constants.OBJECTCLASS));
            if (classes.contains(ConnectorProvider.class.getName())) {
                ConnectorKind kind = ConnectorKind.of(r.getProperty(ConnectorProvider.KIND));
                Object type = r.getProperty(ConnectorProvider.TYPE);
                if (kind != null && type != null) {
                    ConnectorOffer c = new ConnectorOffer(kind, String.valueOf(type));
                    if (!connectors.contains(c)) {
                        connectors.add(c);
                    }
                }
            }
            if (classes.contains(ScalarFunction.class.getName()) || classes.contains(AggregateFunction.class.getName())) {
                for (String n : PluginFunctions.names(r.getProperty(SqlFunction.NAME))) {
                    if (!fns.contains(n)) {
                        fns.add(n);
                    }
                }
            }
        }
    }

    /** A plugin by name, else by connector type (of the kind, any kind when null), function, or symbolic name. */
    PluginInfo find(PluginKind kind, String name) {
        List<PluginInfo> all = list();
        for (PluginInfo p : all) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (PluginInfo p : all) {
            boolean match = switch (kind == null ? PluginKind.PORTABLES : kind) {
                case SOURCES -> p.provides(ConnectorKind.SOURCE, name) || p.provides(ConnectorKind.LOOKUP, name);
                case SINKS -> p.provides(ConnectorKind.SINK, name);
                case FUNCTIONS -> p.functions().contains(lower);
                case PORTABLES -> p.connectors().stream().anyMatch(c -> c.type().equals(name))
                        || p.functions().contains(lower);
            };
            if (match || name.equals(p.symbolicName())) {
                return p;
            }
        }
        return null;
    }

    /**
     * A plugin, or a refusal: 404 when nothing has that name, 400 when it names something built into an engine or
     * framework bundle and {@code pluginOnly} is set (otherwise that bundle is described, marked builtin).
     */
    PluginInfo require(PluginKind kind, String name, boolean pluginOnly) throws PluginException {
        PluginInfo p = find(kind, name);
        if (p != null) {
            return p;
        }
        Bundle owner = nonPluginOwner(kind, name);
        if (owner != null) {
            if (pluginOnly) {
                throw PluginException.badRequest(name + " is part of " + owner.getSymbolicName() + " "
                        + owner.getVersion() + ", an engine or framework bundle, not a plugin: it cannot be "
                        + "uninstalled or replaced through the plugin API");
            }
            return info(owner, null);
        }
        String what = kind == null ? "plugin " : kind.path() + " plugin ";
        throw PluginException.notFound(what + name + " is not found");
    }

    /** The non-plugin bundle that provides a connector type or function of that name, or has that symbolic name. */
    private Bundle nonPluginOwner(PluginKind kind, String name) {
        for (ConnectorRegistry.Entry e : engine.connectors().all()) {
            boolean kindMatches = kind == null || kind == PluginKind.PORTABLES
                    || (kind == PluginKind.SOURCES && e.kind() != ConnectorKind.SINK)
                    || (kind == PluginKind.SINKS && e.kind() == ConnectorKind.SINK);
            if (kindMatches && e.type().equals(name)) {
                Bundle b = FrameworkUtil.getBundle(e.provider().getClass());
                return b == null ? ctx.getBundle() : b;
            }
        }
        if (kind == null || kind == PluginKind.FUNCTIONS || kind == PluginKind.PORTABLES) {
            FunctionDef def = engine.functions().lookup(name);
            if (def != null && def.isBuiltin()) {
                return FrameworkUtil.getBundle(FunctionDef.class);
            }
            for (PluginFunctions.Offer o : functions.current()) {
                if (o.name().equals(name.toLowerCase(Locale.ROOT))) {
                    return ctx.getBundle(o.bundleId());
                }
            }
        }
        for (Bundle b : ctx.getBundles()) {
            if (name.equals(b.getSymbolicName()) && !locations.isPlugin(b)) {
                return b;
            }
        }
        return null;
    }

    /** The bundle installed from a file in the plugins folder, or null. */
    Bundle bundleAt(Path file) {
        Path f = file.toAbsolutePath().normalize();
        for (Bundle b : ctx.getBundles()) {
            if (b.getState() != Bundle.UNINSTALLED && f.equals(locations.fileOf(b))) {
                return b;
            }
        }
        return null;
    }

    /** Whether the engine's registries now serve every offer from this bundle's current class loader. */
    boolean serves(Bundle b, BundleTrial.Offers offers) {
        BundleWiring w = b.adapt(BundleWiring.class);
        ClassLoader cl = w == null ? null : w.getClassLoader();
        if (cl == null) {
            return false;
        }
        for (ConnectorOffer c : offers.connectors()) {
            ConnectorRegistry.Entry e = engine.connectors().find(c.kind(), c.type());
            if (e == null || e.provider().getClass().getClassLoader() != cl) {
                return false;
            }
        }
        List<PluginFunctions.Offer> current = functions.current();
        for (String f : offers.functions()) {
            boolean found = false;
            for (PluginFunctions.Offer o : current) {
                found |= o.name().equals(f) && o.service().getClass().getClassLoader() == cl;
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** A plugin may not take a built-in function's name, nor one another bundle provides. */
    void checkFunctionNames(List<String> names, Path target) throws PluginException {
        Bundle self = bundleAt(target);
        for (String n : names) {
            FunctionDef def = engine.functions().lookup(n);
            if (def != null && def.isBuiltin()) {
                throw PluginException.badRequest("function " + n + " would shadow a built-in function");
            }
            for (PluginFunctions.Offer o : functions.current()) {
                if (o.name().equals(n) && (self == null || o.bundleId() != self.getBundleId())) {
                    throw PluginException.badRequest("function name " + n + " already exists (provided by "
                            + o.bundle() + ")");
                }
            }
        }
    }

    /** The plugin function names with the plugin providing each, sorted. */
    List<PluginFunctions.Offer> udfs() {
        return functions.current();
    }

    /** The plugin name of a bundle (its file name without .jar), or its symbolic name when not a plugin. */
    String pluginName(long bundleId) {
        Bundle b = ctx.getBundle(bundleId);
        if (b == null) {
            return "";
        }
        Path f = locations.fileOf(b);
        return f == null ? b.getSymbolicName() : nameOf(f);
    }

    static String nameOf(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".jar") ? n.substring(0, n.length() - 4) : n;
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "installed";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            case Bundle.ACTIVE -> "active";
            default -> "uninstalled";
        };
    }
}
