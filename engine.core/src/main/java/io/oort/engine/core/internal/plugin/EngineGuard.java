package io.oort.engine.core.internal.plugin;

import java.util.Collection;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.hooks.bundle.FindHook;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps plugin operations away from the engine, at the framework level, whichever way a plugin arrives (REST, shell
 * or a file dropped into {@code plugins/}):
 * <ul>
 * <li>Engine and framework bundles never wire to what a plugin bundle provides (packages, capabilities, fragment
 * hosting). A refresh of a plugin reaches the bundles wired to it, so no plugin install, update or uninstall can
 * ever refresh, and so restart, an engine bundle.</li>
 * <li>A bundle from {@code plugins/} with an engine or framework symbolic name never resolves.</li>
 * <li>FileInstall does not see engine and framework bundles: it updates an installed bundle in place when a dropped
 * jar has the same symbolic name and version, which would otherwise let a copied jar replace the engine.</li>
 * </ul>
 */
@Component(service = {ResolverHookFactory.class, FindHook.class}, immediate = true)
public class EngineGuard implements ResolverHookFactory, FindHook {

    private static final Logger LOG = LoggerFactory.getLogger(EngineGuard.class);
    private static final String FILEINSTALL = "org.apache.felix.fileinstall";

    private final PluginLocations locations;
    private final Set<Long> warned = ConcurrentHashMap.newKeySet();

    @Activate
    public EngineGuard(BundleContext ctx) {
        this(PluginLocations.of(ctx));
    }

    EngineGuard(PluginLocations locations) {
        this.locations = locations;
    }

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        return new ResolverHook() {
            @Override
            public void filterResolvable(Collection<BundleRevision> candidates) {
                for (Iterator<BundleRevision> it = candidates.iterator(); it.hasNext();) {
                    BundleRevision r = it.next();
                    Bundle b = r.getBundle();
                    if (r.getSymbolicName() != null && locations.isPlugin(b)
                            && PluginArchive.isReserved(r.getSymbolicName())) {
                        it.remove();
                        if (warned.add(b.getBundleId())) {
                            LOG.warn("{} ({}) has an engine or framework symbolic name; it is not resolved",
                                    b.getLocation(), r.getSymbolicName());
                        }
                    }
                }
            }

            @Override
            public void filterSingletonCollisions(BundleCapability singleton,
                    Collection<BundleCapability> collisionCandidates) {
                // no opinion
            }

            @Override
            public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
                Bundle requirer = requirement.getRevision().getBundle();
                boolean pluginRequirer = locations.isPlugin(requirer);
                for (Iterator<BundleCapability> it = candidates.iterator(); it.hasNext();) {
                    Bundle provider = it.next().getRevision().getBundle();
                    boolean pluginProvider = locations.isPlugin(provider);
                    boolean hostOfPluginFragment = pluginRequirer && !pluginProvider
                            && BundleRevision.HOST_NAMESPACE.equals(requirement.getNamespace());
                    if ((!pluginRequirer && pluginProvider) || hostOfPluginFragment) {
                        it.remove();
                    }
                }
            }

            @Override
            public void end() {
                // stateless
            }
        };
    }

    @Override
    public void find(BundleContext context, Collection<Bundle> bundles) {
        Bundle finder;
        try {
            finder = context.getBundle();
        } catch (IllegalStateException e) {
            return;
        }
        if (finder == null || !FILEINSTALL.equals(finder.getSymbolicName()) || locations.dir() == null) {
            return;
        }
        for (Iterator<Bundle> it = bundles.iterator(); it.hasNext();) {
            Bundle b = it.next();
            if (b.getBundleId() != 0 && !locations.inPluginsDir(b)) {
                it.remove();
            }
        }
    }
}
