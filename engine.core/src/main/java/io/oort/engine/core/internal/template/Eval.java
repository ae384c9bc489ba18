package io.oort.engine.core.internal.template;

import io.oort.engine.core.internal.template.Func.Arg;
import java.util.List;
import java.util.Map;

/**
 * Go's evaluation rules: pipelines, commands, field chains over maps, function calls with Go's
 * argument checking and conversion (validateType), and the missing/nil value distinctions.
 */
abstract class Eval extends ExecState {

    Eval(Template tmpl, StringBuilder out) {
        super(tmpl, out);
    }

    // ---- evaluation -----------------------------------------------------------------------

    Object evalPipeline(Object dot, boolean iface, Node.Pipe pipe) {
        if (pipe == null) {
            return GoValues.MISSING;
        }
        node = pipe;
        Object value = NO_FINAL;
        for (Node.Command cmd : pipe.cmds) {
            value = evalCommand(dot, iface, cmd, value);
            if (value == null) {
                value = GoValues.MISSING;
            }
        }
        for (Node.Variable v : pipe.decl) {
            if (pipe.isAssign) {
                setVar(v.ident[0], value, false);
            } else {
                push(v.ident[0], value, false);
            }
        }
        return value;
    }

    void notAFunction(Node[] args, Object fin) {
        if (args.length > 1 || fin != NO_FINAL) {
            throw errorf("can't give argument to non-function " + args[0]);
        }
    }

    Object evalCommand(Object dot, boolean iface, Node.Command cmd, Object fin) {
        Node first = cmd.args[0];
        if (first instanceof Node.Field f) {
            node = f;
            return evalFieldChain(dot, iface, dot, iface, f, f.ident, 0, cmd.args, fin);
        }
        if (first instanceof Node.Identifier id) {
            node = id;
            return evalCall(dot, iface, id.fn, cmd, id.ident, cmd.args, fin);
        }
        if (first instanceof Node.Variable v) {
            return evalVariable(dot, iface, v, cmd.args, fin);
        }
        if (first instanceof Node.Chain c) {
            return evalChain(dot, iface, c, cmd.args, fin);
        }
        if (first instanceof Node.Pipe p) {
            notAFunction(cmd.args, fin);
            return evalPipeline(dot, iface, p);
        }
        node = first;
        notAFunction(cmd.args, fin);
        if (first instanceof Node.Bool b) {
            return b.value;
        }
        if (first instanceof Node.Dot) {
            return dot;
        }
        if (first instanceof Node.Nil) {
            throw errorf("nil is not a command");
        }
        if (first instanceof Node.Number n) {
            return idealConstant(n);
        }
        if (first instanceof Node.StringLit s) {
            return s.text;
        }
        throw errorf("can't evaluate command " + GoStrconv.quote(first.toString()));
    }

    Object idealConstant(Node.Number n) {
        node = n;
        String t = n.text;
        boolean hexInt = t.length() > 2 && t.charAt(0) == '0' && (t.charAt(1) == 'x' || t.charAt(1) == 'X')
                && t.indexOf('p') < 0 && t.indexOf('P') < 0;
        boolean runeInt = t.startsWith("'");
        if (n.isFloat && !hexInt && !runeInt && t.matches(".*[.eEpP].*")) {
            return n.float64;
        }
        if (n.isInt) {
            return goInt(n.int64);
        }
        if (n.isUint) {
            throw errorf(t + " overflows int");
        }
        return GoValues.MISSING;
    }

    /** A Go int: Integer when it fits, otherwise Long. */
    static Object goInt(long v) {
        return v == (int) v ? (Object) (int) v : (Object) v;
    }

    Object evalChain(Object dot, boolean iface, Node.Chain chain, Node[] args, Object fin) {
        node = chain;
        if (chain.node instanceof Node.Nil) {
            throw errorf("indirection through explicit nil in " + chain);
        }
        Object recv;
        if (chain.node instanceof Node.Pipe p) {
            recv = evalPipeline(dot, iface, p);
        } else if (chain.node instanceof Node.Identifier id) {
            node = id;
            recv = evalCall(dot, iface, id.fn, id, id.ident, null, NO_FINAL);
            if (recv == null) {
                recv = GoValues.MISSING;
            }
        } else {
            recv = evalArg(dot, iface, Arg.VALUE, chain.node);
        }
        return evalFieldChain(dot, iface, recv, false, chain, chain.fields, 0, args, fin);
    }

    Object evalVariable(Object dot, boolean iface, Node.Variable v, Node[] args, Object fin) {
        node = v;
        int i = varIndex(v.ident[0]);
        if (v.ident.length == 1) {
            notAFunction(args == null ? new Node[] {v} : args, fin);
            return vvals[i];
        }
        return evalFieldChain(dot, iface, vvals[i], vifaces[i], v, v.ident, 1, args, fin);
    }

    Object evalFieldChain(Object dot, boolean dotIface, Object recv, boolean recvIface, Node n,
            String[] ident, int from, Node[] args, Object fin) {
        int last = ident.length - 1;
        for (int i = from; i < last; i++) {
            recv = evalField(dot, dotIface, ident[i], n, null, NO_FINAL, recv, recvIface);
            recvIface = resultIface;
        }
        return evalField(dot, dotIface, ident[last], n, args, fin, recv, recvIface);
    }

    Object evalField(Object dot, boolean dotIface, String name, Node n, Node[] args, Object fin,
            Object recv, boolean recvIface) {
        resultIface = true;
        if (recv == GoValues.MISSING) {
            return GoValues.MISSING;
        }
        if (recv == null) {
            throw errorf("nil pointer evaluating interface {}." + name);
        }
        if (recv instanceof Map<?, ?> m) {
            if ((args != null && args.length > 1) || fin != NO_FINAL) {
                throw errorf(name + " is not a method but has arguments");
            }
            Object r = m.get(name);
            if (r == null && !m.containsKey(name)) {
                return GoValues.MISSING;
            }
            return r;
        }
        if (GoValues.isTime(recv)) {
            Func method = TimeMethods.method(recv, name);
            if (method != null) {
                resultIface = false;
                return evalCall(dot, dotIface, method, n, name, args, fin);
            }
        }
        throw errorf("can't evaluate field " + name + " in type "
                + (recvIface ? "interface {}" : recv == rootData && isRows(recv) ? "[]map[string]interface {}"
                        : GoValues.typeName(recv)));
    }

    /** A batch of rows: the []map[string]interface {} eKuiper hands to a sink template. */
    private static boolean isRows(Object v) {
        if (!(v instanceof List<?> l) || v instanceof TypedList) {
            return false;
        }
        for (Object o : l) {
            if (!(o instanceof Map)) {
                return false;
            }
        }
        return true;
    }

    Object evalCall(Object dot, boolean iface, Func fn, Node callNode, String name, Node[] args, Object fin) {
        int nargs = args == null ? 0 : args.length - 1;
        boolean hasFinal = fin != NO_FINAL;
        int numIn = nargs + (hasFinal ? 1 : 0);
        int numFixed = nargs;
        if (fn.variadic != null) {
            numFixed = fn.params.length;
            if (numIn < numFixed) {
                throw errorf("wrong number of args for " + name + ": want at least " + numFixed + " got " + nargs);
            }
        } else if (numIn != fn.params.length) {
            throw errorf("wrong number of args for " + name + ": want " + fn.params.length + " got " + numIn);
        }
        if (fn.builtin && (name.equals("and") || name.equals("or"))) {
            boolean isOr = name.equals("or");
            Object v = GoValues.MISSING;
            for (int i = 1; i <= nargs; i++) {
                v = evalArg(dot, iface, Arg.VALUE, args[i]);
                if (GoValues.isTrue(v) == isOr) {
                    return v;
                }
            }
            if (hasFinal) {
                v = validateType(fin, Arg.VALUE);
            }
            return v;
        }
        Object[] argv = new Object[numIn];
        int i = 0;
        for (; i < numFixed && i < nargs; i++) {
            argv[i] = evalArg(dot, iface, fn.params[i], args[i + 1]);
        }
        if (fn.variadic != null) {
            for (; i < nargs; i++) {
                argv[i] = evalArg(dot, iface, fn.variadic, args[i + 1]);
            }
        }
        if (hasFinal) {
            Arg t;
            if (fn.variadic == null) {
                t = fn.params[fn.params.length - 1];
            } else {
                t = numIn - 1 < numFixed ? fn.params[numIn - 1] : fn.variadic;
            }
            argv[i] = validateType(fin, t);
        }
        try {
            return fn.impl.call(argv);
        } catch (TemplateException e) {
            throw e;
        } catch (Func.FuncError e) {
            node = callNode;
            throw errorf("error calling " + name + ": " + e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            node = callNode;
            throw errorf("error calling " + name + ": " + Funcs.panicMessage(e));
        }
    }

    Object evalArg(Object dot, boolean iface, Arg typ, Node n) {
        node = n;
        if (n instanceof Node.Field f) {
            return validateType(evalFieldChain(dot, iface, dot, iface, f, f.ident, 0, null, NO_FINAL), typ);
        }
        if (n instanceof Node.Dot) {
            return validateType(dot, typ);
        }
        if (n instanceof Node.Variable v) {
            return validateType(evalVariable(dot, iface, v, null, NO_FINAL), typ);
        }
        if (n instanceof Node.Pipe p) {
            return validateType(evalPipeline(dot, iface, p), typ);
        }
        if (n instanceof Node.Identifier id) {
            return validateType(evalCall(dot, iface, id.fn, id, id.ident, null, NO_FINAL), typ);
        }
        if (n instanceof Node.Chain c) {
            return validateType(evalChain(dot, iface, c, null, NO_FINAL), typ);
        }
        if (n instanceof Node.Nil) {
            if (typ.canBeNil()) {
                return typ == Arg.VALUE ? GoValues.MISSING : null;
            }
            throw errorf("cannot assign nil to " + typ.goName);
        }
        switch (typ) {
            case BOOL:
                if (n instanceof Node.Bool b) {
                    return b.value;
                }
                throw errorf("expected bool; found " + n);
            case FLOAT64:
                if (n instanceof Node.Number num && num.isFloat) {
                    return num.float64;
                }
                throw errorf("expected float; found " + n);
            case INT:
            case INT64:
                if (n instanceof Node.Number num && num.isInt) {
                    return typ == Arg.INT ? goInt(num.int64) : (Object) num.int64;
                }
                throw errorf("expected integer; found " + n);
            case STRING:
                if (n instanceof Node.StringLit s) {
                    return s.text;
                }
                throw errorf("expected string; found " + n);
            case ANY:
            case VALUE:
                if (n instanceof Node.Bool b) {
                    return b.value;
                }
                if (n instanceof Node.Number num) {
                    return idealConstant(num);
                }
                if (n instanceof Node.StringLit s) {
                    return s.text;
                }
                throw errorf("can't handle assignment of " + n + " to empty interface argument");
            default:
                throw errorf("can't handle " + n + " for arg of type " + typ.goName);
        }
    }

    Object validateType(Object value, Arg typ) {
        if (value == GoValues.MISSING) {
            if (typ.canBeNil()) {
                return typ == Arg.VALUE ? GoValues.MISSING : null;
            }
            throw errorf("invalid value; expected " + typ.goName);
        }
        if (typ == Arg.ANY || typ == Arg.VALUE) {
            return value;
        }
        if (value == null) {
            throw errorf("wrong type for value; expected " + typ.goName + "; got interface {}");
        }
        boolean ok = switch (typ) {
            case STRING -> value instanceof String;
            case INT -> value instanceof Integer;
            case INT64 -> value instanceof Long;
            case FLOAT64 -> value instanceof Double;
            case BOOL -> value instanceof Boolean;
            case LIST -> value instanceof List;
            case MAP -> value instanceof Map;
            case TIME -> GoValues.isTime(value);
            default -> true;
        };
        if (!ok) {
            throw errorf("wrong type for value; expected " + typ.goName + "; got " + GoValues.typeName(value));
        }
        return value;
    }
}
