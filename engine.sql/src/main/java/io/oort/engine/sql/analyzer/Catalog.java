package io.oort.engine.sql.analyzer;

import io.oort.engine.sql.ast.StreamStatement;

/** Where the analyzer finds stream and table definitions. */
@FunctionalInterface
public interface Catalog {

    /** The definition of a stream or table by name, or null. */
    StreamStatement lookup(String name);
}
