package io.oort.engine.core.internal.util;

/**
 * The bundle a class comes from, when running in OSGi. Safe to call when the OSGi framework classes are absent
 * (Oort embedded as plain jars): then it answers "(embedded)".
 */
public final class BundleInfo {

    private static final boolean OSGI = detect();

    private BundleInfo() {
    }

    private static boolean detect() {
        try {
            Class.forName("org.osgi.framework.FrameworkUtil", false, BundleInfo.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** {symbolicName, version} of the class's bundle, or {"(embedded)", ""}. */
    public static String[] of(Class<?> type) {
        if (OSGI) {
            org.osgi.framework.Bundle b = org.osgi.framework.FrameworkUtil.getBundle(type);
            if (b != null) {
                return new String[] {b.getSymbolicName(), b.getVersion().toString()};
            }
        }
        return new String[] {"(embedded)", ""};
    }
}
