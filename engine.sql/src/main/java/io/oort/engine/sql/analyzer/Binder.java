package io.oort.engine.sql.analyzer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.oort.engine.sql.ast.Call;
import io.oort.engine.sql.ast.Expr;
import io.oort.engine.sql.ast.Field;
import io.oort.engine.sql.ast.FieldRef;
import io.oort.engine.sql.ast.MetaRef;
import io.oort.engine.sql.ast.Window;
import io.oort.engine.sql.eval.ExprCompiler;
import io.oort.engine.sql.function.FunctionDef;
import io.oort.engine.sql.function.FunctionKind;
import io.oort.engine.sql.function.FunctionRegistry;

/**
 * Binds column references to sources and slots, alias references to their select field, and calls to functions,
 * with eKuiper's rules: an alias shadows a column of the same name everywhere except inside its own field; an
 * unqualified column must be unambiguous among sources with schemas; {@code x.y} where {@code x} is not a source
 * reads key {@code y} of column {@code x}.
 */
final class Binder {

    private final List<SourceInfo> sources;
    private final FunctionRegistry functions;
    private final boolean ignoreCase;
    private final Map<String, Field> aliases = new HashMap<>();
    private AnalysisException error;

    Binder(List<SourceInfo> sources, List<Field> fields, FunctionRegistry functions, boolean ignoreCase)
            throws AnalysisException {
        this.sources = sources;
        this.functions = functions;
        this.ignoreCase = ignoreCase;
        for (Field f : fields) {
            if (f.alias() != null) {
                if (aliases.put(key(f.alias()), f) != null) {
                    throw new AnalysisException("duplicate alias " + f.alias(), f.pos());
                }
            }
        }
    }

    private String key(String name) {
        return ignoreCase ? name.toLowerCase(Locale.ROOT) : name;
    }

    /** Binds everything inside a select field; references to the field's own alias read the column. */
    void bindField(Field f) throws AnalysisException {
        bind(f.expr(), f);
    }

    /** Binds a clause outside the select list. */
    void bindClause(Expr e) throws AnalysisException {
        if (e != null) {
            bind(e, null);
        }
    }

    private void bind(Expr root, Field self) throws AnalysisException {
        root.walk(e -> {
            if (error != null) {
                return false;
            }
            try {
                if (e instanceof FieldRef f) {
                    bindRef(f, self);
                } else if (e instanceof MetaRef m) {
                    bindMeta(m);
                } else if (e instanceof Call c) {
                    bindCall(c);
                }
            } catch (AnalysisException ex) {
                error = ex;
                return false;
            }
            return true;
        });
        if (error != null) {
            AnalysisException ex = error;
            error = null;
            throw ex;
        }
    }

    private void bindRef(FieldRef f, Field self) throws AnalysisException {
        if (f.stream() == null && !f.isWildcard()) {
            Field alias = aliases.get(key(f.name()));
            if (alias != null && alias != self) {
                f.bindAlias(alias);
                return;
            }
        }
        if (f.stream() != null) {
            SourceInfo src = source(f.stream());
            if (src == null) {
                // not a stream: x.y reads key y of column x
                int[] b = column(f.stream(), f);
                f.bindPath(b[0], b[1]);
                return;
            }
            if (f.isWildcard()) {
                f.bindColumn(src.index(), -1);
                return;
            }
            f.bindColumn(src.index(), slotIn(src, f.name(), f));
            return;
        }
        if (f.isWildcard()) {
            throw new AnalysisException("unexpected *", f.pos());
        }
        int[] b = column(f.name(), f);
        f.bindColumn(b[0], b[1]);
    }

    private SourceInfo source(String qualifier) {
        for (SourceInfo s : sources) {
            if (s.matches(qualifier)) {
                return s;
            }
        }
        return null;
    }

    private int slotIn(SourceInfo src, String name, Expr at) throws AnalysisException {
        if (src.schemaless()) {
            return -1;
        }
        int slot = ignoreCase ? src.slotIgnoreCase(name) : src.slot(name);
        if (slot >= 0) {
            return slot;
        }
        if (src.slotIgnoreCase(name) >= 0) {
            return -1; // eKuiper binds case-insensitively but reads case-sensitively: the value is absent
        }
        throw new AnalysisException("unknown field " + src.qualifier() + "." + name, at.pos());
    }

    /** {source index, slot} of an unqualified column. */
    private int[] column(String name, Expr at) throws AnalysisException {
        List<SourceInfo> declaring = new ArrayList<>();
        List<SourceInfo> schemaless = new ArrayList<>();
        for (SourceInfo s : sources) {
            if (s.schemaless()) {
                schemaless.add(s);
            } else if ((ignoreCase ? s.slotIgnoreCase(name) : s.slot(name)) >= 0) {
                declaring.add(s);
            }
        }
        if (declaring.size() > 1) {
            throw new AnalysisException("ambiguous field " + name, at.pos());
        }
        if (declaring.size() == 1) {
            SourceInfo s = declaring.get(0);
            return new int[] {s.index(), ignoreCase ? s.slotIgnoreCase(name) : s.slot(name)};
        }
        if (schemaless.size() == 1) {
            return new int[] {schemaless.get(0).index(), -1};
        }
        if (schemaless.size() > 1) {
            return new int[] {ExprCompiler.ANY_SOURCE, -1};
        }
        for (SourceInfo s : sources) {
            if (s.slotIgnoreCase(name) >= 0) {
                return new int[] {s.index(), -1};
            }
        }
        throw new AnalysisException("unknown field " + name, at.pos());
    }

    private void bindMeta(MetaRef m) {
        if (m.stream() != null) {
            SourceInfo src = source(m.stream());
            m.bind(src == null ? -1 : src.index());
        }
    }

    private void bindCall(Call c) throws AnalysisException {
        FunctionDef def = functions.lookup(c.name());
        if (def == null) {
            throw new AnalysisException("function " + c.name() + " not found", c.pos());
        }
        String invalid = def.validator().validate(c.args());
        if (invalid != null) {
            throw new AnalysisException("validate function " + c.name() + " error: " + invalid, c.pos());
        }
        boolean hasOver = !c.partition().isEmpty() || c.when() != null;
        if (hasOver && def.kind() != FunctionKind.ANALYTIC && def.kind() != FunctionKind.WINDOW) {
            throw new AnalysisException("Found OVER after non analytic function " + c.name(), c.pos());
        }
        c.bindFunction(def);
    }

    /** Any window call outside GROUP BY is an error. */
    static void rejectWindow(Expr e, String where) throws AnalysisException {
        if (e == null) {
            return;
        }
        Window[] found = new Window[1];
        e.walk(n -> {
            if (n instanceof Window w && found[0] == null) {
                found[0] = w;
            }
            return found[0] == null;
        });
        if (found[0] != null) {
            throw new AnalysisException("window " + found[0] + " can only be used in GROUP BY, not in " + where,
                    found[0].pos());
        }
    }
}
