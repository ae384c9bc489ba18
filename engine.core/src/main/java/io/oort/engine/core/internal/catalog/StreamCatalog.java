package io.oort.engine.core.internal.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.oort.engine.core.internal.service.ServiceException;
import io.oort.engine.core.internal.store.Store;
import io.oort.engine.sql.analyzer.Catalog;
import io.oort.engine.sql.ast.StreamStatement;
import io.oort.engine.sql.parser.ParseException;
import io.oort.engine.sql.parser.SqlParser;

/**
 * The streams and tables, persisted in the store (table {@code streams}, value = the CREATE statement). Stream and
 * table names share one namespace, as in eKuiper.
 */
public final class StreamCatalog implements Catalog {

    private static final Logger LOG = LoggerFactory.getLogger(StreamCatalog.class);
    static final String TABLE = "streams";

    private final Store store;
    private final Map<String, StreamDef> defs = new ConcurrentHashMap<>();
    private final Function<StreamStatement, String> validator;

    /**
     * @param validator checks a definition against what is installed (source type, format); returns an error
     *                  message or null
     */
    public StreamCatalog(Store store, Function<StreamStatement, String> validator) {
        this.store = store;
        this.validator = validator;
        for (Map.Entry<String, String> e : store.all(TABLE).entrySet()) {
            try {
                StreamStatement st = SqlParser.parseStream(e.getValue());
                defs.put(st.name(), new StreamDef(st.name(), st.table(), e.getValue(), st));
            } catch (ParseException ex) {
                LOG.error("stored stream {} cannot be parsed any more and is skipped: {}", e.getKey(), ex.getMessage());
            }
        }
    }

    /** Parses a CREATE STREAM/TABLE statement with eKuiper's errors. */
    public static StreamStatement parse(String sql) throws ServiceException {
        try {
            return SqlParser.parseStream(sql);
        } catch (ParseException e) {
            throw ServiceException.badRequest(ServiceException.STREAM, e.getMessage());
        }
    }

    public synchronized StreamDef create(String sql) throws ServiceException {
        StreamStatement st = parse(sql);
        checkName(st.name());
        if (defs.containsKey(st.name())) {
            StreamDef old = defs.get(st.name());
            throw ServiceException.badRequest(ServiceException.STREAM, "Create " + (st.table() ? "table" : "stream")
                    + " fails: " + old.kindTitle().toLowerCase() + " " + st.name() + " already exists.");
        }
        validate(st);
        StreamDef d = new StreamDef(st.name(), st.table(), sql, st);
        store.put(TABLE, d.name(), sql);
        defs.put(d.name(), d);
        return d;
    }

    /** Replaces an existing definition (PUT /streams/{name}); the new statement must keep the name. */
    public synchronized StreamDef replace(String name, String sql, boolean table) throws ServiceException {
        StreamStatement st = parse(sql);
        if (!st.name().equals(name)) {
            throw ServiceException.badRequest(ServiceException.STREAM,
                    "the statement defines " + st.name() + ", not " + name);
        }
        StreamDef old = get(name, table);
        if (old.table() != st.table()) {
            throw ServiceException.badRequest(ServiceException.STREAM,
                    name + " is a " + old.kindTitle().toLowerCase() + ", the statement creates a "
                            + (st.table() ? "table" : "stream"));
        }
        validate(st);
        StreamDef d = new StreamDef(name, st.table(), sql, st);
        store.put(TABLE, name, sql);
        defs.put(name, d);
        return d;
    }

    /** Drops a definition unless {@code inUse} says a rule reads it. */
    public synchronized StreamDef drop(String name, boolean table, Predicate<String> inUse) throws ServiceException {
        StreamDef d = get(name, table);
        if (inUse.test(name)) {
            throw ServiceException.badRequest(ServiceException.STREAM, d.kindTitle().toLowerCase() + " " + name
                    + " is referenced by rules; stop and delete those rules first");
        }
        store.delete(TABLE, name);
        defs.remove(name);
        return d;
    }

    /** The definition of that kind, or a 404 naming it. */
    public StreamDef get(String name, boolean table) throws ServiceException {
        StreamDef d = defs.get(name);
        if (d == null || d.table() != table) {
            throw ServiceException.notFound((table ? "table " : "stream ") + name + " is not found");
        }
        return d;
    }

    public StreamDef find(String name) {
        return defs.get(name);
    }

    /** Names of one kind, sorted. */
    public List<StreamDef> list(boolean table) {
        List<StreamDef> out = new ArrayList<>();
        for (StreamDef d : defs.values()) {
            if (d.table() == table) {
                out.add(d);
            }
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    @Override
    public StreamStatement lookup(String name) {
        StreamDef d = defs.get(name);
        return d == null ? null : d.statement();
    }

    /**
     * Checks a parsed definition the way {@link #create} does (name, installed connector, format) without storing
     * it; batch imports validate every entry before changing anything.
     */
    public void check(StreamStatement st) throws ServiceException {
        checkName(st.name());
        validate(st);
    }

    /** Puts a definition into a batch write; {@link #reload} makes the catalog see it after the commit. */
    public static void write(Store.Tx tx, String name, String sql) {
        tx.put(TABLE, name, sql);
    }

    /** Removes every definition in a batch write (a full import replaces them all). */
    public static void clear(Store.Tx tx) {
        tx.clear(TABLE);
    }

    /** Re-reads the definitions from the store after a batch write. */
    public synchronized void reload() {
        Map<String, StreamDef> fresh = new java.util.HashMap<>();
        for (Map.Entry<String, String> e : store.all(TABLE).entrySet()) {
            try {
                StreamStatement st = SqlParser.parseStream(e.getValue());
                fresh.put(st.name(), new StreamDef(st.name(), st.table(), e.getValue(), st));
            } catch (ParseException ex) {
                LOG.error("stored stream {} cannot be parsed any more and is skipped: {}", e.getKey(), ex.getMessage());
            }
        }
        defs.keySet().retainAll(fresh.keySet());
        defs.putAll(fresh);
    }

    /** Every definition, streams and tables, sorted by name. */
    public List<StreamDef> all() {
        List<StreamDef> out = new ArrayList<>(defs.values());
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    private void validate(StreamStatement st) throws ServiceException {
        String err = validator == null ? null : validator.apply(st);
        if (err != null) {
            throw ServiceException.badRequest(ServiceException.STREAM, "Create " + (st.table() ? "table" : "stream")
                    + " fails: " + err);
        }
    }

    private static void checkName(String name) throws ServiceException {
        if (name.isEmpty() || name.length() > 255 || name.contains("/") || name.contains("#") || name.contains("+")) {
            throw ServiceException.badRequest(ServiceException.STREAM, "invalid name " + name
                    + ": must be non-empty, at most 255 characters, without / # +");
        }
    }
}
