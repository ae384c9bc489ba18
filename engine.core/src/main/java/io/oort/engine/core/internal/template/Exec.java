package io.oort.engine.core.internal.template;

import io.oort.engine.core.internal.template.Node.ListNode;
import java.util.List;
import java.util.Map;

/**
 * One execution of a template (Go's exec.go state): walks the tree, evaluates pipelines with
 * Go's rules for missing keys, nil values, argument conversion and errors, and writes into a
 * StringBuilder. Not thread-safe; a fresh instance is used for each execution.
 */
final class Exec extends Eval {

    Exec(Template tmpl, StringBuilder out) {
        super(tmpl, out);
    }

    void run(ListNode root, Object data) {
        Object dot = data == null ? GoValues.MISSING : data;
        rootData = dot;
        push("$", dot, false);
        walk(dot, false, root);
    }

    // ---- walking --------------------------------------------------------------------------

    private void walk(Object dot, boolean iface, Node n) {
        node = n;
        if (n instanceof Node.Text t) {
            out.append(t.text);
        } else if (n instanceof Node.Action a) {
            Object v = evalPipeline(dot, iface, a.pipe);
            if (a.pipe.decl.length == 0) {
                node = a;
                if (v == GoValues.MISSING) {
                    out.append("<no value>");
                } else {
                    GoFmt.appendValue(out, v);
                }
            }
        } else if (n instanceof ListNode l) {
            for (Node c : l.nodes) {
                walk(dot, iface, c);
            }
        } else if (n instanceof Node.Branch b) {
            if (b.kind == Node.Branch.RANGE) {
                walkRange(dot, iface, b);
            } else {
                walkIfOrWith(dot, iface, b);
            }
        } else if (n instanceof Node.TemplateCall t) {
            walkTemplate(dot, iface, t);
        } else if (n instanceof Node.Keyword k) {
            throw k.kind == Node.Keyword.BREAK ? BREAK : CONTINUE;
        } else {
            throw errorf("unknown node: " + n);
        }
    }

    private void walkIfOrWith(Object dot, boolean iface, Node.Branch b) {
        int mark = nvars;
        Object val = evalPipeline(dot, iface, b.pipe);
        if (GoValues.isTrue(val)) {
            if (b.kind == Node.Branch.WITH) {
                walk(val, false, b.list);
            } else {
                walk(dot, iface, b.list);
            }
        } else if (b.elseList != null) {
            walk(dot, iface, b.elseList);
        }
        pop(mark);
    }

    private void walkRange(Object dot, boolean iface, Node.Branch r) {
        node = r;
        int outer = nvars;
        Object val = evalPipeline(dot, iface, r.pipe);
        int mark = nvars;
        boolean ran = false;
        try {
            if (val instanceof List<?> l) {
                for (int i = 0; i < l.size(); i++) {
                    ran = true;
                    iteration(r, mark, i, l.get(i), true);
                }
            } else if (val instanceof Map<?, ?> m) {
                for (String k : GoFmt.sortedKeys(m)) {
                    ran = true;
                    iteration(r, mark, k, m.get(k), true);
                }
            } else if (val instanceof Long || val instanceof Integer) {
                if (r.pipe.decl.length > 1) {
                    throw errorf("can't use " + GoFmt.toStr(val) + " to iterate over more than one variable");
                }
                long n = ((Number) val).longValue();
                for (long i = 0; i < n; i++) {
                    ran = true;
                    Object v = val instanceof Long ? (Object) i : (Object) (int) i;
                    iteration(r, mark, GoValues.MISSING, v, false);
                }
            } else if (val instanceof byte[] b) {
                for (int i = 0; i < b.length; i++) {
                    ran = true;
                    iteration(r, mark, i, (long) (b[i] & 0xFF), true);
                }
            } else if (val != GoValues.MISSING) {
                throw errorf("range can't iterate over " + GoFmt.toStr(val));
            }
        } catch (Signal s) {
            if (s != BREAK) {
                throw s;
            }
            pop(outer);
            return;
        }
        if (!ran && r.elseList != null) {
            walk(dot, iface, r.elseList);
        }
        pop(outer);
    }

    private void iteration(Node.Branch r, int mark, Object index, Object elem, boolean elemIface) {
        Node.Pipe p = r.pipe;
        if (p.decl.length > 0) {
            if (p.isAssign) {
                setVar(p.decl[0].ident[0], p.decl.length > 1 ? index : elem, p.decl.length > 1 ? false : elemIface);
            } else {
                setTopVar(1, elem, elemIface);
            }
        }
        if (p.decl.length > 1) {
            if (p.isAssign) {
                setVar(p.decl[1].ident[0], elem, elemIface);
            } else {
                setTopVar(2, index, false);
            }
        }
        try {
            walk(elem, elemIface, r.list);
        } catch (Signal s) {
            if (s != CONTINUE) {
                throw s;
            }
        } finally {
            pop(mark);
        }
    }

    private void walkTemplate(Object dot, boolean iface, Node.TemplateCall t) {
        node = t;
        ListNode tree = tmpl.tree(t.name);
        if (tree == null) {
            throw errorf("template " + GoStrconv.quote(t.name) + " not defined");
        }
        if (depth >= MAX_DEPTH) {
            throw errorf("exceeded maximum template depth (" + MAX_DEPTH + ")");
        }
        Object newDot = evalPipeline(dot, iface, t.pipe);
        int savedBase = varBase;
        int mark = nvars;
        String savedName = execName;
        varBase = nvars;
        depth++;
        execName = t.name;
        push("$", newDot, false);
        walk(newDot, false, tree);
        pop(mark);
        varBase = savedBase;
        execName = savedName;
        depth--;
    }
}
