package io.oort.launcher;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.launch.Framework;

/**
 * {@code bin/oort} entry point.
 *
 * <pre>
 * oort              start Oort in the foreground (Ctrl-C or SIGTERM stops it)
 * oort shell        open a Gogo shell on the running engine
 * oort shell -c CMD run one shell command and print its output
 * oort version
 * </pre>
 *
 * Exit codes: 0 stopped normally, 1 failed to start, 2 configuration error, 3 shell command failed or engine not
 * reachable.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Path home = home();
        String cmd = args.length > 0 ? args[0] : "run";
        switch (cmd) {
            case "run" -> System.exit(run(home));
            case "shell" -> System.exit(ShellClient.main(home, java.util.Arrays.copyOfRange(args, 1, args.length)));
            case "version" -> {
                System.out.println(version());
                System.exit(0);
            }
            case "-h", "--help", "help" -> {
                System.out.println("usage: oort [run | shell [-c command] | version]");
                System.exit(0);
            }
            default -> {
                System.err.println("oort: unknown command '" + cmd + "'; usage: oort [run | shell [-c command] | version]");
                System.exit(2);
            }
        }
    }

    static Path home() throws URISyntaxException {
        String h = System.getProperty("oort.home");
        if (h != null) {
            return Paths.get(h).toAbsolutePath().normalize();
        }
        Path jar = Paths.get(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return jar.getParent().getParent().toAbsolutePath().normalize();
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return "Oort " + (v != null ? v : "(development)");
    }

    /** Loads the configuration (etc/oort.yaml + environment), failing fast on invalid values. */
    static ConfigLoader.Result loadConfig(Path home) throws ConfigException {
        return new ConfigLoader().load(home.resolve("etc/oort.yaml"), System.getenv());
    }

    private static int run(Path home) throws IOException {
        long t0 = System.nanoTime();
        ConfigLoader.Result cfg;
        try {
            cfg = loadConfig(home);
        } catch (ConfigException e) {
            System.err.println("oort: configuration error: " + e.getMessage());
            return 2;
        }
        Map<String, String> c = cfg.values();
        setUpLogging(home, c);
        for (String w : cfg.warnings()) {
            System.out.println("WARN config: " + w);
        }
        Framework fw;
        try {
            fw = new FrameworkLauncher(home, c).start();
        } catch (Exception e) {
            System.out.println("ERROR oort failed to start: " + e.getMessage());
            return 1;
        }
        long graceMs = FrameworkLauncher.durationMillis(c.get("basic.gracefulShutdownTimeout"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                fw.stop();
                fw.waitForStop(graceMs);
            } catch (Exception e) {
                // the JVM is going away anyway
            }
        }, "oort-shutdown"));
        System.out.printf("INFO %s started in %d ms; REST API on %s:%s, shell on %s:%s%n", version(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), c.get("basic.restIp"), c.get("basic.restPort"),
                c.get("basic.ip"), c.get("basic.port"));
        try {
            fw.waitForStop(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void setUpLogging(Path home, Map<String, String> c) throws IOException {
        boolean console = Boolean.parseBoolean(c.getOrDefault("basic.consoleLog", "true"));
        boolean file = Boolean.parseBoolean(c.getOrDefault("basic.fileLog", "true"));
        String level = Boolean.parseBoolean(c.getOrDefault("basic.debug", "false")) ? "debug"
                : c.getOrDefault("basic.logLevel", "info");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.out");
        // log lines go to the log stream even from a shell command's thread (Gogo redirects System.out there)
        System.setProperty("org.slf4j.simpleLogger.cacheOutputStream", "true");
        System.setProperty("org.slf4j.simpleLogger.showDateTime",
                String.valueOf(!Boolean.parseBoolean(c.getOrDefault("basic.logDisableTimestamp", "false"))));
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        // Jetty and FileInstall are chatty at info.
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        // java.util.logging users: warnings only, on one line like the rest
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ [%3$s] %4$s %5$s%6$s%n");
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        Path logFile = file ? home.resolve("log/oort.log") : null;
        long rotateSize = Long.parseLong(c.getOrDefault("basic.rotateSize", "10485760"));
        int rotateCount = Integer.parseInt(c.getOrDefault("basic.rotateCount", "3"));
        Files.createDirectories(home.resolve("log"));
        LogTee tee = new LogTee(console ? new FileOutputStream(FileDescriptor.out) : null, logFile, rotateSize,
                rotateCount);
        PrintStream ps = new PrintStream(tee, true, "UTF-8");
        System.setOut(ps);
        System.setErr(ps);
    }
}
