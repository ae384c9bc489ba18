package io.oort.engine.core.internal.management;

import java.util.regex.Pattern;

import io.oort.engine.core.internal.service.ServiceException;

/** eKuiper's rule for ids of connections and conf keys: letters, digits, '_' and '-'. */
public final class Ids {

    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9_\\-]+");

    private Ids() {
    }

    /** Checks an id with eKuiper's messages. */
    public static void check(String id) throws ServiceException {
        if (id == null || id.isEmpty()) {
            throw ServiceException.badRequest(ServiceException.UNDEFINED, "id cannot be empty");
        }
        if (!id.equals(id.strip())) {
            throw ServiceException.badRequest(ServiceException.UNDEFINED,
                    "id '" + id + "' contains leading or trailing whitespace");
        }
        if (!ID.matcher(id).matches()) {
            throw ServiceException.badRequest(ServiceException.UNDEFINED, "id '" + id
                    + "' contains invalid characters: only alphanumeric, hyphens and underscores are allowed");
        }
    }
}
