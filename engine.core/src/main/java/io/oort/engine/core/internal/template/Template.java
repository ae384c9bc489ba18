package io.oort.engine.core.internal.template;

import io.oort.engine.core.internal.template.Node.ListNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

/**
 * A parsed Go text/template, with Go's built-in functions, the Sprig functions and eKuiper's
 * additions ({@code json}, {@code base64}, {@code prop}). Parse once with {@link #parse}, then
 * {@link #execute} as often as needed, from any number of threads: a Template is immutable.
 *
 * <p>Data is Oort's value model: {@code Map<String,Object>} rows, {@code List<Object>},
 * {@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code byte[]},
 * {@code java.time.Instant} and {@code null}. They are seen as Go sees eKuiper's values:
 * {@code Long} is int64, {@code Double} float64 (so {@code lt .temp 30} on a Double fails, as in
 * Go), a map key holding null is a nil interface and a missing key prints {@code <no value>}.
 *
 * <p>Known differences from Go: complex literals are rejected; Go ints beyond 32 bits coming from
 * template literals or conversions are typed int64; {@code keys}/{@code values} return sorted
 * (Go: random) order; strings are UTF-16, so {@code \x} escapes and byte slicing of non-ASCII text
 * cannot produce invalid UTF-8; template recursion stops at depth 1000 (Go: 100000); regexes
 * use java.util.regex; time zone abbreviations come from the JDK.
 */
public final class Template {

    private static final int KEEP_BUFFER = 64 * 1024;
    private static final ThreadLocal<StringBuilder> BUFFERS = ThreadLocal.withInitial(() -> new StringBuilder(256));

    private final String name;
    private final String text;
    private final Map<String, ListNode> trees;
    private final ListNode root;

    private Template(String name, String text, Map<String, ListNode> trees) {
        this.name = name;
        this.text = text;
        this.trees = Map.copyOf(trees);
        this.root = trees.get(name);
    }

    /**
     * Parses a template.
     *
     * @throws TemplateException with Go's message, e.g. {@code template: sink:1: unclosed action}
     */
    public static Template parse(String name, String text) throws TemplateException {
        if (text == null) {
            throw new TemplateException("template: " + name + ": nil template text");
        }
        return new Template(name, text, Parser.parse(name, text, Funcs.ALL));
    }

    /** Whether a property value is a template rather than a plain string. */
    public static boolean isTemplate(String text) {
        return text != null && text.contains("{{");
    }

    /**
     * Sets how {@code prop "key"} resolves values (eKuiper's static properties); the function
     * returns null for unknown keys, which {@code prop} then returns unchanged.
     */
    public static void setPropertyResolver(Function<String, String> resolver) {
        EkuiperFuncs.setResolver(resolver);
    }

    public String name() {
        return name;
    }

    /** The template text as parsed. */
    public String text() {
        return text;
    }

    /**
     * Applies the template to data and returns the output.
     *
     * @throws TemplateException on an execution error, with Go's message
     */
    public String execute(Object data) throws TemplateException {
        StringBuilder sb = BUFFERS.get();
        sb.setLength(0);
        try {
            execute(data, sb);
            return sb.toString();
        } finally {
            if (sb.capacity() > KEEP_BUFFER) {
                BUFFERS.set(new StringBuilder(256));
            } else {
                sb.setLength(0);
            }
        }
    }

    /** Applies the template to data, appending the output to out. */
    public void execute(Object data, StringBuilder out) throws TemplateException {
        Exec exec = new Exec(this, out);
        try {
            exec.run(root, data);
        } catch (StackOverflowError e) {
            throw new TemplateException("template: " + name + ": exceeded maximum template depth ("
                    + Exec.MAX_DEPTH + ")");
        }
    }

    ListNode tree(String treeName) {
        return trees.get(treeName);
    }

    /** Go's ErrorContext location: name:line:byteColumn (column counted from 0 on line 1). */
    String location(int pos) {
        String before = text.substring(0, Math.min(pos, text.length()));
        int nl = before.lastIndexOf('\n');
        int line = 1;
        for (int i = 0; i < before.length(); i++) {
            if (before.charAt(i) == '\n') {
                line++;
            }
        }
        int col = nl < 0 ? utf8(before) : utf8(before.substring(nl + 1));
        return name + ":" + line + ":" + col;
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public String toString() {
        return "Template[" + name + "]";
    }
}
