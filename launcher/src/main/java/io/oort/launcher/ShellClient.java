package io.oort.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Talks to the engine's Gogo shell (Felix remote shell, telnet on {@code basic.ip}:{@code basic.port}).
 * With {@code -c "command"} it runs one command, prints its output and exits (1 line per error); without, it
 * relays the terminal to the shell until either side closes.
 */
final class ShellClient {

    private static final String PROMPT = "g! ";

    private ShellClient() {
    }

    static int main(Path home, String[] args) {
        String command = null;
        int timeoutMs = 60_000;
        for (int i = 0; i < args.length; i++) {
            if (("-c".equals(args[i]) || "--command".equals(args[i])) && i + 1 < args.length) {
                command = args[++i];
            } else if ("--timeout".equals(args[i]) && i + 1 < args.length) {
                timeoutMs = Integer.parseInt(args[++i]) * 1000;
            } else {
                System.err.println("usage: oort shell [-c command] [--timeout seconds]");
                return 2;
            }
        }
        Map<String, String> cfg;
        try {
            cfg = Main.loadConfig(home).values();
        } catch (ConfigException e) {
            System.err.println("oort: configuration error: " + e.getMessage());
            return 2;
        }
        String host = cfg.getOrDefault("basic.ip", "127.0.0.1");
        if ("0.0.0.0".equals(host) || host.isBlank()) {
            host = "127.0.0.1";
        }
        int port = Integer.parseInt(cfg.getOrDefault("basic.port", "20498"));
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 3000);
            s.setSoTimeout(timeoutMs);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            if (command == null) {
                return interactive(s, in, out);
            }
            readUntilPrompt(in);
            out.write((command.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String output = readUntilPrompt(in);
            output = stripEcho(output, command);
            System.out.print(output);
            if (!output.isEmpty() && !output.endsWith("\n")) {
                System.out.println();
            }
            return looksLikeError(output) ? 1 : 0;
        } catch (IOException e) {
            System.err.println("oort: cannot reach the engine's shell at " + host + ":" + port + " (" + e.getMessage()
                    + "); is Oort running?");
            return 3;
        }
    }

    private static int interactive(Socket s, InputStream in, OutputStream out) throws IOException {
        s.setSoTimeout(0);
        Thread pump = new Thread(() -> {
            byte[] buf = new byte[1024];
            try {
                int n;
                while ((n = System.in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                    out.flush();
                }
                s.shutdownOutput();
            } catch (IOException e) {
                // the shell closed
            }
        }, "shell-stdin");
        pump.setDaemon(true);
        pump.start();
        byte[] buf = new byte[4096];
        int n;
        while ((n = in.read(buf)) > 0) {
            System.out.write(buf, 0, filterTelnet(buf, n));
            System.out.flush();
        }
        return 0;
    }

    /** Reads until the shell prompt; returns what came before it (telnet negotiation removed). */
    private static String readUntilPrompt(InputStream in) throws IOException {
        ByteArrayOutputStream acc = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (true) {
            String text = acc.toString(StandardCharsets.UTF_8);
            int p = text.lastIndexOf(PROMPT);
            if (p >= 0 && p + PROMPT.length() == text.length()) {
                return text.substring(0, p);
            }
            int n = in.read(buf);
            if (n < 0) {
                return text;
            }
            acc.write(buf, 0, filterTelnet(buf, n));
        }
    }

    /** Drops telnet IAC sequences in place; returns the new length. */
    private static int filterTelnet(byte[] buf, int n) {
        int w = 0;
        for (int r = 0; r < n; r++) {
            if ((buf[r] & 0xff) == 255 && r + 2 < n) {
                r += 2;
                continue;
            }
            buf[w++] = buf[r];
        }
        return w;
    }

    private static String stripEcho(String output, String command) {
        String o = output.replace("\r\n", "\n").replace("\r", "");
        String c = command.trim();
        if (o.startsWith(c + "\n")) {
            o = o.substring(c.length() + 1);
        } else if (o.startsWith(c)) {
            o = o.substring(c.length());
        }
        return o;
    }

    private static boolean looksLikeError(String output) {
        for (String line : output.split("\n")) {
            if (line.startsWith("gogo: ") || line.startsWith("Error ") || line.startsWith("error: ")) {
                return true;
            }
        }
        return false;
    }
}
