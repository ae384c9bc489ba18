package io.oort.engine.sql.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * A bounded, deterministic mutation fuzzer for the normal test run (Jazzer only replays its corpus there): mutates
 * the seed statements with token insertions, deletions, duplications, splices and byte noise for a fixed time
 * number of inputs ({@code -Doort.fuzz.inputs}, default 20,000 per property, about a second; different streams
 * with {@code -Doort.fuzz.seed}) and checks {@link FuzzOracle}'s properties.
 * A failure prints the input; add it as a reproducer file to the Jazzer inputs and a unit test.
 */
class RandomSqlRobustnessTest {

    private static final long SEED = Long.getLong("oort.fuzz.seed", 20240601L);
    /** Inputs per property: a fixed count (not a time budget) keeps the run deterministic on any machine. */
    private static final int INPUTS = Integer.getInteger("oort.fuzz.inputs", 20_000);
    /** A safety cap on the wall time; when reached the test stops early (and says so) without failing. */
    private static final double MAX_SECONDS = Double.parseDouble(System.getProperty("oort.fuzz.seconds", "60"));

    @Test
    void parserOnlyThrowsParseException() throws IOException {
        int n = run(sql -> {
            FuzzOracle.parse(sql);
            return 0;
        }, SEED);
        assertTrue(n > 0, "ran " + n);
    }

    @Test
    void analyzerAndEvaluationOnlyThrowDeclaredErrors() throws IOException {
        int n = run(FuzzOracle::analyzeAndEvaluate, SEED + 1);
        assertTrue(n > 0, "ran " + n);
    }

    private interface Property {
        /** Checks one input; returns how far it got (0 rejected first ... 2 fully processed). */
        int check(String sql);
    }

    private static int run(Property p, long seed) throws IOException {
        List<String> seeds = seeds();
        List<String> tokens = tokens();
        SplittableRandom r = new SplittableRandom(seed);
        long end = System.nanoTime() + (long) (MAX_SECONDS * 1e9);
        int n = 0;
        // distinct failures by exception type and throwing frame: the first input of each is kept
        Map<String, String> failures = new LinkedHashMap<>();
        Throwable first = null;
        int[] reached = new int[3];
        while (n < INPUTS && System.nanoTime() < end) {
            String sql = mutate(seeds.get(r.nextInt(seeds.size())), seeds, tokens, r);
            try {
                reached[p.check(sql)]++;
            } catch (Throwable t) {
                StackTraceElement[] st = t.getStackTrace();
                String key = t.getClass().getName() + " at " + (st.length > 0 ? st[0] : "?");
                if (failures.putIfAbsent(key, sql) == null) {
                    if (first == null) {
                        first = t;
                    }
                    StringBuilder trace = new StringBuilder(t.toString());
                    for (Throwable c = t; c != null; c = c.getCause()) {
                        if (c != t) {
                            trace.append("\n      caused by ").append(c);
                        }
                        StackTraceElement[] frames = c.getStackTrace();
                        for (int i = 0; i < Math.min(6, frames.length); i++) {
                            trace.append("\n        at ").append(frames[i]);
                        }
                    }
                    failures.put(key, sql + "\n    " + trace);
                }
            }
            n++;
        }
        System.out.println(RandomSqlRobustnessTest.class.getSimpleName() + ": " + n + " inputs ("
                + reached[1] + " parsed, " + reached[2] + " analyzed and evaluated), " + failures.size()
                + " distinct failures");
        if (!failures.isEmpty()) {
            StringBuilder b = new StringBuilder("unexpected exceptions (seed " + seed + "):");
            failures.forEach((k, v) -> b.append("\n  ").append(k).append("\n    input: ").append(v));
            throw new AssertionError(b.toString(), first);
        }
        return n;
    }

    static String mutate(String s, List<String> seeds, List<String> tokens, SplittableRandom r) {
        StringBuilder b = new StringBuilder(s);
        int ops = r.nextInt(3) == 0 ? 2 + r.nextInt(3) : 1;
        for (int i = 0; i < ops; i++) {
            int at = b.length() == 0 ? 0 : r.nextInt(b.length() + 1);
            switch (r.nextInt(7)) {
                case 0 -> b.insert(at, " " + tokens.get(r.nextInt(tokens.size())) + " ");
                case 1 -> {
                    int len = Math.min(b.length() - at, 1 + r.nextInt(8));
                    b.delete(at, at + Math.max(0, len));
                }
                case 2 -> {
                    int len = Math.min(b.length() - at, 1 + r.nextInt(16));
                    b.insert(at, b.substring(at, at + Math.max(0, len)));
                }
                case 3 -> {
                    String other = seeds.get(r.nextInt(seeds.size()));
                    int from = r.nextInt(other.length());
                    b.insert(at, other, from, Math.min(other.length(), from + 1 + r.nextInt(24)));
                }
                case 4 -> b.insert(at, (char) r.nextInt(0x80));
                case 5 -> b.insert(at, (char) (0x80 + r.nextInt(0xFF80)));
                default -> {
                    if (at < b.length()) {
                        b.setCharAt(at, "()[]{},.;:'\"`-+*/%<>=!&|^~\\ 0123456789aZ_".charAt(r.nextInt(41)));
                    }
                }
            }
        }
        return b.toString();
    }

    private static List<String> seeds() throws IOException {
        List<String> out = new ArrayList<>();
        for (int i = 0; ; i++) {
            String name = String.format("ParserFuzzTestInputs/parse/seed-%02d.sql", i);
            try (InputStream in = RandomSqlRobustnessTest.class.getResourceAsStream(name)) {
                if (in == null) {
                    break;
                }
                out.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertTrue(out.size() > 20, "seed corpus missing");
        return out;
    }

    private static List<String> tokens() throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = RandomSqlRobustnessTest.class.getResourceAsStream("sql.dict")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.length() >= 2) {
                    out.add(line.substring(1, line.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\"));
                }
            }
        }
        return out;
    }
}
