package io.oort.engine.core.internal.plugin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.oort.engine.core.api.function.AggregateFunction;
import io.oort.engine.core.api.function.ScalarFunction;
import io.oort.engine.core.api.function.SqlFunction;
import io.oort.engine.core.internal.service.EngineService;
import io.oort.engine.sql.function.FunctionDef;
import io.oort.engine.sql.function.FunctionRegistry;

/**
 * Wires the function SPI: tracks {@link ScalarFunction} and {@link AggregateFunction} services as they come and go
 * and registers them, by each name of their {@value SqlFunction#NAME} property, in the engine's
 * {@link FunctionRegistry} (whose listeners stop and restart the rules using them). A name a built-in owns is
 * refused; when two bundles offer the same name the first one serves and the other waits on standby, taking over
 * if the first goes away.
 */
@Component(service = PluginFunctions.class, immediate = true)
public class PluginFunctions {

    private static final Logger LOG = LoggerFactory.getLogger(PluginFunctions.class);

    /** A function name as one service offers it. */
    public record Offer(String name, SqlFunction service, FunctionDef def, long bundleId, String bundle) {
    }

    private final FunctionRegistry registry;
    /** Offers by lower-case name; the first is the registered one. */
    private final Map<String, Deque<Offer>> byName = new HashMap<>();
    private final Map<SqlFunction, List<Offer>> byService = new IdentityHashMap<>();

    @Activate
    public PluginFunctions(@Reference EngineService engine) {
        this(engine.functions());
    }

    /** For embedders and tests: wires into a registry directly. */
    public PluginFunctions(FunctionRegistry registry) {
        this.registry = registry;
    }

    @Reference(service = ScalarFunction.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    public void addScalar(ScalarFunction f, Map<String, Object> props) {
        add(f, props);
    }

    public void removeScalar(ScalarFunction f, Map<String, Object> props) {
        remove(f);
    }

    @Reference(service = AggregateFunction.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    public void addAggregate(AggregateFunction f, Map<String, Object> props) {
        add(f, props);
    }

    public void removeAggregate(AggregateFunction f, Map<String, Object> props) {
        remove(f);
    }

    private synchronized void add(SqlFunction f, Map<String, Object> props) {
        if (TrialBundles.isTrial(props) || byService.containsKey(f)) {
            return;
        }
        Bundle b = FrameworkUtil.getBundle(f.getClass());
        String bundle = b == null ? "(embedded)" : b.getSymbolicName() + " " + b.getVersion();
        long bundleId = b == null ? -1 : b.getBundleId();
        List<String> names = names(props.get(SqlFunction.NAME));
        if (names.isEmpty()) {
            LOG.warn("function service {} from {} has no {} property; ignored", f.getClass().getName(), bundle,
                    SqlFunction.NAME);
            return;
        }
        List<Offer> offers = new ArrayList<>();
        for (String name : names) {
            FunctionDef def = f instanceof AggregateFunction a ? FunctionAdapters.aggregate(name, a, "plugin " + bundle)
                    : FunctionAdapters.scalar(name, (ScalarFunction) f, "plugin " + bundle);
            FunctionDef existing = registry.lookup(name);
            if (existing != null && existing.isBuiltin()) {
                LOG.warn("function {} from {} would shadow a built-in function; ignored", name, bundle);
                continue;
            }
            Offer offer = new Offer(name, f, def, bundleId, bundle);
            offers.add(offer);
            Deque<Offer> queue = byName.computeIfAbsent(name, k -> new ArrayDeque<>());
            queue.addLast(offer);
            if (queue.size() == 1) {
                registry.register(def);
                LOG.info("function {} bound ({})", name, bundle);
            } else {
                LOG.warn("function {} is already provided by {}; {} stays on standby", name,
                        queue.peekFirst().bundle(), bundle);
            }
        }
        byService.put(f, offers);
    }

    private synchronized void remove(SqlFunction f) {
        List<Offer> offers = byService.remove(f);
        if (offers == null) {
            return;
        }
        for (Offer offer : offers) {
            Deque<Offer> queue = byName.get(offer.name());
            if (queue == null) {
                continue;
            }
            boolean current = queue.peekFirst() == offer;
            queue.remove(offer);
            if (current) {
                registry.unregister(offer.def());
                LOG.info("function {} unbound ({})", offer.name(), offer.bundle());
                Offer next = queue.peekFirst();
                if (next != null) {
                    registry.register(next.def());
                    LOG.info("function {} bound ({}, was on standby)", next.name(), next.bundle());
                }
            }
            if (queue.isEmpty()) {
                byName.remove(offer.name());
            }
        }
    }

    /** The functions in service now (one offer per name), sorted by name. */
    public synchronized List<Offer> current() {
        Map<String, Offer> sorted = new TreeMap<>();
        for (Deque<Offer> q : byName.values()) {
            Offer o = q.peekFirst();
            if (o != null) {
                sorted.put(o.name(), o);
            }
        }
        return new ArrayList<>(sorted.values());
    }

    /** The lower-case names of a multi-valued service property (String, String[] or a collection). */
    static List<String> names(Object prop) {
        List<String> out = new ArrayList<>();
        if (prop instanceof String s) {
            addName(out, s);
        } else if (prop instanceof String[] arr) {
            for (String s : arr) {
                addName(out, s);
            }
        } else if (prop instanceof Collection<?> c) {
            for (Object o : c) {
                addName(out, String.valueOf(o));
            }
        }
        return out;
    }

    private static void addName(List<String> out, String s) {
        String n = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        if (!n.isEmpty() && !out.contains(n)) {
            out.add(n);
        }
    }
}
