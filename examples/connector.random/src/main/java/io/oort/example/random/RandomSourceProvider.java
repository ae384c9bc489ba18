package io.oort.example.random;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import io.oort.engine.core.api.Connector;
import io.oort.engine.core.api.ConnectorDescriptor;
import io.oort.engine.core.api.ConnectorKind;
import io.oort.engine.core.api.ConnectorProvider;
import io.oort.engine.core.api.PropertyDecl;
import io.oort.engine.core.api.PropertyType;

/**
 * The {@code random} source type. A Declarative Services component: the engine finds it by its two service
 * properties, so installing this bundle makes {@code TYPE="random"} streams work and uninstalling it stops them.
 */
@Component(property = {ConnectorProvider.TYPE + "=random", ConnectorProvider.KIND + "=source"})
public final class RandomSourceProvider implements ConnectorProvider {

    static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("random", ConnectorKind.SOURCE,
            ConnectorDescriptor.Payload.TUPLES,
            "Generates rows from a pattern: each integer field of the pattern plus a random number below seed.",
            List.of(
                    PropertyDecl.optional("interval", PropertyType.DURATION, "1s",
                            "How often a row is generated (milliseconds or a duration such as 500ms)."),
                    PropertyDecl.optional("seed", PropertyType.INTEGER, 1L,
                            "The random part of each field is below this positive number."),
                    PropertyDecl.required("pattern", PropertyType.MAP,
                            "The row to generate, e.g. {\"count\": 50}; integer fields get a random offset."),
                    PropertyDecl.optional("deduplicate", PropertyType.INTEGER, 0L,
                            "Skip a row equal to one of the last N rows (N > 0), to any earlier row (N < 0), "
                                    + "or never (0).")));

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Connector create() {
        return new RandomSource();
    }
}
