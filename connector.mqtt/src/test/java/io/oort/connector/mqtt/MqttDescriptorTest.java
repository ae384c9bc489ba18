package io.oort.connector.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.oort.engine.core.api.ConnectorDescriptor;
import io.oort.engine.core.api.ConnectorKind;
import io.oort.engine.core.api.PropertyDecl;
import io.oort.engine.core.api.PropertyType;
import io.oort.engine.core.api.PushSource;
import io.oort.engine.core.api.Sink;

/** The declarations drive validation, REST metadata and help: names, types and defaults as in eKuiper. */
class MqttDescriptorTest {
    private static final Set<String> TLS = Set.of("certificationPath", "privateKeyPath", "rootCaPath",
            "certificationRaw", "privateKeyRaw", "rootCARaw", "insecureSkipVerify", "tlsMinVersion",
            "renegotiationSupport");

    private static void assertDecl(ConnectorDescriptor d, String name, PropertyType type, Object def) {
        PropertyDecl p = d.property(name);
        assertNotNull(p, name + " is declared");
        assertEquals(type, p.type(), name);
        assertEquals(def, p.defaultValue(), name);
    }

    @Test
    void source() {
        MqttSourceProvider provider = new MqttSourceProvider(null);
        ConnectorDescriptor d = provider.descriptor();
        assertEquals("mqtt", d.type());
        assertEquals(ConnectorKind.SOURCE, d.kind());
        assertEquals(ConnectorDescriptor.Payload.BYTES, d.payload());
        assertInstanceOf(PushSource.class, provider.create());
        assertDecl(d, "server", PropertyType.STRING, "tcp://127.0.0.1:1883");
        assertDecl(d, "username", PropertyType.STRING, null);
        assertDecl(d, "password", PropertyType.SECRET, null);
        assertDecl(d, "protocolVersion", PropertyType.STRING, "3.1.1");
        assertEquals(List.of("3.1", "3.1.1", "4", "5"), d.property("protocolVersion").options());
        assertDecl(d, "clientid", PropertyType.STRING, null);
        assertDecl(d, "qos", PropertyType.INTEGER, 1L);
        assertDecl(d, "enableClientSession", PropertyType.BOOLEAN, false);
        assertDecl(d, "sessionExpiryIntervalSeconds", PropertyType.INTEGER, 60L);
        assertDecl(d, "connectionSelector", PropertyType.STRING, null);
        assertTls(d);
        assertTrue(d.properties().stream().noneMatch(PropertyDecl::required), "DATASOURCE carries the topic");
    }

    @Test
    void sink() {
        MqttSinkProvider provider = new MqttSinkProvider(null);
        ConnectorDescriptor d = provider.descriptor();
        assertEquals("mqtt", d.type());
        assertEquals(ConnectorKind.SINK, d.kind());
        assertEquals(ConnectorDescriptor.Payload.BYTES, d.payload());
        assertInstanceOf(Sink.class, provider.create());
        assertDecl(d, "server", PropertyType.STRING, "tcp://127.0.0.1:1883");
        assertDecl(d, "topic", PropertyType.STRING, null);
        assertTrue(d.property("topic").required());
        assertDecl(d, "clientId", PropertyType.STRING, null);
        assertDecl(d, "protocolVersion", PropertyType.STRING, "3.1.1");
        assertDecl(d, "qos", PropertyType.INTEGER, 0L);
        assertDecl(d, "retained", PropertyType.BOOLEAN, false);
        assertDecl(d, "password", PropertyType.SECRET, null);
        assertDecl(d, "properties", PropertyType.MAP, null);
        assertDecl(d, "connectionSelector", PropertyType.STRING, null);
        assertTls(d);
    }

    private static void assertTls(ConnectorDescriptor d) {
        Set<String> names = d.properties().stream().map(PropertyDecl::name).collect(Collectors.toSet());
        assertTrue(names.containsAll(TLS), "TLS properties: " + names);
        assertDecl(d, "privateKeyRaw", PropertyType.SECRET, null);
        assertDecl(d, "insecureSkipVerify", PropertyType.BOOLEAN, false);
        assertDecl(d, "tlsMinVersion", PropertyType.STRING, "tls1.2");
        assertEquals(List.of("tls1.0", "tls1.1", "tls1.2", "tls1.3"), d.property("tlsMinVersion").options());
        assertFalse(d.properties().stream().anyMatch(p -> p.description().isBlank()), "every property is described");
        assertEquals(names.size(), d.properties().size(), "no duplicates");
    }
}
