package io.oort.engine.core.internal.rule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.oort.engine.core.api.ConnectionStatus;
import io.oort.engine.core.api.ConnectorException;
import io.oort.engine.core.api.SourceIngest;
import io.oort.engine.core.internal.connector.ContextImpl;
import io.oort.engine.core.internal.format.DecodeException;
import io.oort.engine.core.internal.format.Decoder;
import io.oort.engine.core.internal.format.FormatRegistry;
import io.oort.engine.core.internal.format.Formats;
import io.oort.engine.sql.ast.StreamStatement;
import io.oort.engine.sql.eval.Tuple;

/**
 * SHARED="true" streams: one source connector and one decoding per stream, fanned out to every rule reading it.
 * The connector opens with the first rule and closes with the last.
 */
public final class SharedSources {

    private static final Logger LOG = LoggerFactory.getLogger(SharedSources.class);

    /** What a subscribed rule receives. */
    public interface Subscriber {
        void tuple(Tuple t);

        void error(String message);

        void status(ConnectionStatus s, String message);
    }

    private final class Hub implements SourceIngest {
        final StreamStatement stream;
        final Decoder decoder;
        final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
        SourceOpener.Opened opened;
        volatile ConnectionStatus status = ConnectionStatus.CONNECTING;
        volatile String statusMessage;

        Hub(StreamStatement stream, Decoder decoder) {
            this.stream = stream;
            this.decoder = decoder;
        }

        @Override
        public void ingest(byte[] payload, Map<String, Object> meta, long timestamp) {
            try {
                decoder.decode(payload, meta, timestamp, this::fanOut);
            } catch (DecodeException e) {
                for (Subscriber s : subscribers) {
                    s.error(e.getMessage());
                }
            }
        }

        @Override
        public void ingestTuple(Map<String, Object> tuple, Map<String, Object> meta, long timestamp) {
            try {
                decoder.decodeMap(tuple, meta, timestamp, this::fanOut);
            } catch (DecodeException e) {
                for (Subscriber s : subscribers) {
                    s.error(e.getMessage());
                }
            }
        }

        private void fanOut(Tuple t) {
            for (Subscriber s : subscribers) {
                s.tuple(t);
            }
        }

        @Override
        public void error(Throwable error) {
            for (Subscriber s : subscribers) {
                s.error(String.valueOf(error.getMessage()));
            }
        }
    }

    private final Map<String, Hub> hubs = new HashMap<>();
    private RuleEnv env;

    void bind(RuleEnv env) {
        this.env = env;
    }

    /** Subscribes a rule to a shared stream, opening the connector for the first subscriber. */
    synchronized AutoCloseable subscribe(StreamStatement st, Subscriber sub)
            throws ConnectorException, MissingConnectorException {
        Hub hub = hubs.get(st.name());
        if (hub == null) {
            Decoder decoder;
            try {
                decoder = Formats.decoder(st, env.connectors().formats(), env.zone());
            } catch (FormatRegistry.Missing e) {
                throw MissingConnectorException.format(e.name());
            } catch (io.oort.engine.core.api.format.FormatException e) {
                throw new ConnectorException("stream " + st.name() + ": " + e.getMessage());
            }
            Hub h = new Hub(st, decoder);
            h.subscribers.add(sub);
            h.opened = SourceOpener.open(env, st, ContextImpl.of(st.name(), "source_" + st.name(), env.clock()),
                    (s, m) -> {
                        h.status = s;
                        h.statusMessage = m;
                        for (Subscriber x : h.subscribers) {
                            x.status(s, m);
                        }
                    }, h);
            hubs.put(st.name(), h);
            LOG.info("shared stream {} opened", st.name());
            hub = h;
        } else {
            hub.subscribers.add(sub);
            sub.status(hub.status, hub.statusMessage);
        }
        Hub bound = hub;
        return () -> unsubscribe(st.name(), bound, sub);
    }

    private synchronized void unsubscribe(String name, Hub hub, Subscriber sub) {
        hub.subscribers.remove(sub);
        if (hub.subscribers.isEmpty() && hubs.get(name) == hub) {
            hubs.remove(name);
            hub.opened.close();
            LOG.info("shared stream {} closed", name);
        }
    }

    /** Names of the shared streams currently open. */
    public synchronized List<String> open() {
        return List.copyOf(hubs.keySet());
    }
}
