package io.oort.engine.core.internal.plugin;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bundles the installer is test-starting (see {@link BundleTrial}). Their connector and function services must
 * not reach the engine's registries: a trial checks that a new version activates while the running version keeps
 * serving rules. Registries call {@link #isTrial(Map)} with the service properties they are bound with.
 */
public final class TrialBundles {

    /** Bundle location prefix of trial installs. */
    static final String LOCATION_PREFIX = "oort-trial:";

    private static final Set<Long> IDS = ConcurrentHashMap.newKeySet();

    private TrialBundles() {
    }

    /** Whether a service with these properties was registered by a bundle under trial. */
    public static boolean isTrial(Map<String, ?> serviceProperties) {
        Object id = serviceProperties == null ? null : serviceProperties.get("service.bundleid");
        return id instanceof Long l && IDS.contains(l);
    }

    static void add(long bundleId) {
        IDS.add(bundleId);
    }

    static void remove(long bundleId) {
        IDS.remove(bundleId);
    }
}
