package io.oort.engine.core.internal.sink;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;

import io.oort.engine.core.api.Connector;
import io.oort.engine.core.api.ConnectorConfig;
import io.oort.engine.core.api.ConnectorContext;
import io.oort.engine.core.api.ConnectorException;
import io.oort.engine.core.api.RecoverableException;
import io.oort.engine.core.api.Sink;
import io.oort.engine.core.api.SinkMessage;
import io.oort.engine.core.api.StatusListener;
import io.oort.engine.core.internal.connector.Configs;
import io.oort.engine.core.internal.format.Encoder;
import io.oort.engine.core.internal.format.Formats;
import io.oort.engine.core.internal.registry.ConnectorRegistry;
import io.oort.engine.core.internal.template.Template;
import io.oort.engine.core.internal.template.TemplateException;

/**
 * One action of a rule: transforms each result (sendSingle, dataTemplate, dataField, fields, format), resolves
 * templated properties per message, and hands the message to the sink connector. Called on the rule's thread.
 */
public final class SinkRuntime {

    /** Reports delivery outcomes to the rule's metrics. */
    public interface Listener {
        void sent(int messages);

        void failed(String message);
    }

    private final ConnectorRegistry.Entry entry;
    private final ConnectorContext ctx;
    private final Map<String, Object> props;
    private final SinkProps common;
    private final SinkTransform transform;
    private final Map<String, Template> dynamic = new HashMap<>();
    private final Listener listener;
    private Sink sink;

    public SinkRuntime(ConnectorRegistry.Entry entry, ConnectorContext ctx, Map<String, Object> props,
            Map<String, String> cacheDefaults, Listener listener) throws ConnectorException {
        this.entry = entry;
        this.ctx = ctx;
        this.props = props;
        this.listener = listener;
        try {
            this.common = SinkProps.of(props, cacheDefaults);
            Encoder encoder = Formats.encoder(common.format, common.delimiter, common.hasHeader);
            this.transform = new SinkTransform(common, encoder);
            for (Map.Entry<String, Object> e : props.entrySet()) {
                if (e.getValue() instanceof String s && Template.isTemplate(s) && !"dataTemplate".equals(e.getKey())) {
                    dynamic.put(e.getKey(), Template.parse(e.getKey(), s));
                }
            }
        } catch (TemplateException | IllegalArgumentException e) {
            throw new ConnectorException(entry.type() + " sink: " + e.getMessage());
        }
    }

    /** Provisions and connects the connector. */
    public void open(StatusListener status) throws ConnectorException {
        Connector c = entry.provider().create();
        if (!(c instanceof Sink s)) {
            throw new ConnectorException("connector " + entry.type() + " did not create a sink");
        }
        ConnectorConfig config;
        try {
            config = Configs.validate(entry.descriptor(), null, props);
        } catch (IllegalArgumentException e) {
            throw new ConnectorException(e.getMessage());
        }
        s.provision(ctx, config);
        this.sink = s;
        s.connect(ctx, status);
    }

    /** Sends one result. Errors are reported to the listener; the rule keeps running. */
    public void accept(List<Map<String, Object>> rows) {
        List<SinkTransform.Out> outs;
        try {
            outs = transform.apply(rows);
        } catch (TemplateException e) {
            listener.failed("transform error: " + e.getMessage());
            return;
        }
        for (SinkTransform.Out o : outs) {
            Message m = new Message(o);
            try {
                sink.collect(ctx, m);
                listener.sent(1);
            } catch (RecoverableException e) {
                listener.failed(e.getMessage());
            } catch (ConnectorException | RuntimeException e) {
                listener.failed(e.getMessage());
            }
        }
    }

    public void close() {
        if (sink != null) {
            try {
                sink.close(ctx);
            } catch (ConnectorException | RuntimeException e) {
                Logger log = ctx.logger();
                log.warn("closing sink {} failed: {}", entry.type(), e.getMessage());
            }
            sink = null;
        }
    }

    public String type() {
        return entry.type();
    }

    /** The message handed to the connector: payload, rows and templated properties resolved against the data. */
    private final class Message implements SinkMessage {
        private final SinkTransform.Out out;

        Message(SinkTransform.Out out) {
            this.out = out;
        }

        @Override
        public byte[] payload() {
            return out.payload();
        }

        @Override
        public List<Map<String, Object>> rows() {
            return out.rows();
        }

        @Override
        public String property(String name) {
            Template t = dynamic.get(name);
            if (t != null) {
                try {
                    return t.execute(out.data());
                } catch (TemplateException e) {
                    ctx.logger().warn("property {} template failed: {}", name, e.getMessage());
                    return null;
                }
            }
            Object v = props.get(name);
            return v == null ? null : String.valueOf(v);
        }

        @Override
        public Map<String, Object> meta() {
            return Map.of();
        }
    }
}
