package io.oort.engine.core.internal.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.oort.engine.core.api.ConnectorDescriptor;
import io.oort.engine.core.api.ConnectorKind;
import io.oort.engine.core.api.ConnectorProvider;
import io.oort.engine.core.api.format.FormatProvider;
import io.oort.engine.core.internal.format.FormatRegistry;
import io.oort.engine.core.internal.plugin.TrialBundles;
import io.oort.engine.core.internal.util.BundleInfo;

/**
 * Tracks the installed connector providers by kind and type. Providers come and go at runtime (bundles installed,
 * updated, uninstalled); listeners hear about it so rules can stop and restart. Usable without OSGi: embedders call
 * {@link #addProvider}/{@link #removeProvider} themselves.
 */
@Component(service = ConnectorRegistry.class, immediate = true)
public class ConnectorRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorRegistry.class);

    /** Hears about providers appearing and disappearing. Called on the thread that changed the registry. */
    public interface Listener {
        void added(ConnectorKind kind, String type);

        void removed(ConnectorKind kind, String type);
    }

    /** One installed connector type of one kind. */
    public record Entry(ConnectorKind kind, String type, ConnectorProvider provider, String bundle, String version) {
        public ConnectorDescriptor descriptor() {
            return provider.descriptor();
        }
    }

    private final Map<ConnectorKind, Map<String, Entry>> byKind = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final FormatRegistry formats = new FormatRegistry();

    public ConnectorRegistry() {
        for (ConnectorKind k : ConnectorKind.values()) {
            byKind.put(k, new ConcurrentHashMap<>());
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addProvider(ConnectorProvider provider, Map<String, Object> props) {
        if (TrialBundles.isTrial(props)) {
            return; // a new plugin version under test by the installer: the running version keeps serving
        }
        Entry e = entryFor(provider, props);
        if (e == null) {
            return;
        }
        Entry previous = byKind.get(e.kind()).put(e.type(), e);
        LOG.info("connector {} {} bound ({} {}){}", e.kind().id(), e.type(), e.bundle(), e.version(),
                previous != null ? " replacing " + previous.bundle() + " " + previous.version() : "");
        for (Listener l : listeners) {
            l.added(e.kind(), e.type());
        }
    }

    public void removeProvider(ConnectorProvider provider, Map<String, Object> props) {
        Entry e = entryFor(provider, props);
        if (e == null) {
            return;
        }
        Map<String, Entry> types = byKind.get(e.kind());
        Entry current = types.get(e.type());
        if (current != null && current.provider() == provider && types.remove(e.type(), current)) {
            LOG.info("connector {} {} unbound ({} {})", e.kind().id(), e.type(), e.bundle(), e.version());
            for (Listener l : listeners) {
                l.removed(e.kind(), e.type());
            }
        }
    }

    private static Entry entryFor(ConnectorProvider provider, Map<String, Object> props) {
        Object typeProp = props.get(ConnectorProvider.TYPE);
        ConnectorKind kind = ConnectorKind.of(props.get(ConnectorProvider.KIND));
        ConnectorDescriptor d;
        try {
            d = provider.descriptor();
        } catch (RuntimeException ex) {
            LOG.warn("connector provider {} failed to describe itself; ignored", provider.getClass().getName(), ex);
            return null;
        }
        String type = typeProp != null ? String.valueOf(typeProp) : d.type();
        if (kind == null) {
            kind = d.kind();
        }
        if (!Objects.equals(type, d.type()) || kind != d.kind()) {
            LOG.warn("connector provider {}: service properties ({} {}) disagree with its descriptor ({} {}); ignored",
                    provider.getClass().getName(), kind, type, d.kind(), d.type());
            return null;
        }
        String[] origin = BundleInfo.of(provider.getClass());
        return new Entry(kind, type, provider, origin[0], origin[1]);
    }

    public Entry find(ConnectorKind kind, String type) {
        return type == null ? null : byKind.get(kind).get(type);
    }

    /** The installed types of a kind, sorted by type. */
    public List<Entry> list(ConnectorKind kind) {
        List<Entry> out = new ArrayList<>(byKind.get(kind).values());
        out.sort(Comparator.comparing(Entry::type));
        return out;
    }

    /** All installed entries, sorted by type then kind. */
    public List<Entry> all() {
        List<Entry> out = new ArrayList<>();
        for (ConnectorKind k : ConnectorKind.values()) {
            out.addAll(byKind.get(k).values());
        }
        out.sort(Comparator.comparing(Entry::type).thenComparing(Entry::kind));
        return out;
    }

    /** The payload formats plugins contribute (tracked here with the connectors: one registry of plug-ins). */
    public FormatRegistry formats() {
        return formats;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addFormat(FormatProvider provider, Map<String, Object> props) {
        if (!TrialBundles.isTrial(props)) {
            formats.add(provider, props);
        }
    }

    public void removeFormat(FormatProvider provider, Map<String, Object> props) {
        formats.remove(provider, props);
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }
}
