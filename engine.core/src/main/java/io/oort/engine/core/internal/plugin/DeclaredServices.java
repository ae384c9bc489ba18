package io.oort.engine.core.internal.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * Whether a bundle's DS components have published their services. A bundle is ACTIVE before SCR has activated its
 * components, and SCR registers them one by one, so "some service is there" can be seen between two registrations.
 */
final class DeclaredServices {

    private DeclaredServices() {
    }

    /** The bundle has registered at least {@code declared} services ({@link #count} of it). */
    static boolean allRegistered(Bundle b, int declared) {
        ServiceReference<?>[] registered = b.getRegisteredServices();
        return (registered == null ? 0 : registered.length) >= declared;
    }

    /**
     * How many of the bundle's DS component descriptions publish a service (bnd writes one component per file):
     * reads their XML, so callers count once per bundle revision.
     */
    static int count(Bundle b) {
        String header = b.getHeaders().get("Service-Component");
        if (header == null) {
            return 0;
        }
        int n = 0;
        for (String path : header.split(",")) {
            String p = path.trim();
            if (p.isEmpty() || p.contains("*")) {
                continue; // bnd never writes globs; a hand-written one is not counted
            }
            URL url = b.getEntry(p);
            if (url == null) {
                continue;
            }
            try (InputStream in = url.openStream()) {
                if (new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("<service")) {
                    n++;
                }
            } catch (IOException e) {
                // unreadable: not counted
            }
        }
        return n;
    }
}
