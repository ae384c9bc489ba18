package io.oort.engine.core.internal.template;

import java.util.ArrayList;

/** A list whose Go type is not []interface {}, e.g. Sprig's []string and []int results. */
final class TypedList extends ArrayList<Object> {

    private static final long serialVersionUID = 1L;

    final transient String goType;

    TypedList(String goType) {
        this.goType = goType;
    }

    static TypedList strings() {
        return new TypedList("[]string");
    }

    static TypedList ints() {
        return new TypedList("[]int");
    }
}
