package io.oort.engine.core.internal.template;

/** Execution state shared by the evaluator and the walker: output, variables, error context. */
abstract class ExecState {

    static final int MAX_DEPTH = 1000;
    /** Go's missingVal: no value flows into the command from the previous pipeline stage. */
    static final Object NO_FINAL = new Object();

    static final class Signal extends RuntimeException {
        Signal() {
            super(null, null, false, false);
        }
    }

    static final Signal BREAK = new Signal();
    static final Signal CONTINUE = new Signal();

    final Template tmpl;
    final StringBuilder out;
    Node node;
    String execName;
    String[] vnames = new String[8];
    Object[] vvals = new Object[8];
    boolean[] vifaces = new boolean[8];
    int nvars;
    int varBase;
    int depth;
    /** Whether the last evalField result came out of a container (Go interface kind). */
    boolean resultIface;
    /** The data the template was applied to (eKuiper passes rows as []map[string]interface {}). */
    Object rootData;

    ExecState(Template tmpl, StringBuilder out) {
        this.tmpl = tmpl;
        this.out = out;
        this.execName = tmpl.name();
    }

    // ---- variables ------------------------------------------------------------------------

    void push(String name, Object value, boolean iface) {
        if (nvars == vnames.length) {
            int n = nvars * 2;
            vnames = java.util.Arrays.copyOf(vnames, n);
            vvals = java.util.Arrays.copyOf(vvals, n);
            vifaces = java.util.Arrays.copyOf(vifaces, n);
        }
        vnames[nvars] = name;
        vvals[nvars] = value;
        vifaces[nvars] = iface;
        nvars++;
    }

    int varIndex(String name) {
        for (int i = nvars - 1; i >= varBase; i--) {
            if (vnames[i].equals(name)) {
                return i;
            }
        }
        throw errorf("undefined variable: " + name);
    }

    void setVar(String name, Object value, boolean iface) {
        int i = varIndex(name);
        vvals[i] = value;
        vifaces[i] = iface;
    }

    void setTopVar(int n, Object value, boolean iface) {
        vvals[nvars - n] = value;
        vifaces[nvars - n] = iface;
    }

    void pop(int mark) {
        for (int i = mark; i < nvars; i++) {
            vvals[i] = null;
        }
        nvars = mark;
    }

    // ---- errors ---------------------------------------------------------------------------

    TemplateException errorf(String msg) {
        String prefix;
        if (node == null) {
            prefix = "template: " + execName + ": ";
        } else {
            prefix = "template: " + tmpl.location(node.pos) + ": executing " + GoStrconv.quote(execName)
                    + " at <" + node + ">: ";
        }
        throw new TemplateException(prefix + msg);
    }
}
