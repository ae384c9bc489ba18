package io.oort.connector.mqtt.internal;

/** A source's side of a subscription. */
public interface MessageHandler {

    /** Called on Paho's callback thread; may block for back-pressure, must not do I/O. */
    void onMessage(InboundMessage message);

    /** A problem with this subscription that does not stop the source (e.g. the broker refused a filter). */
    void onError(Throwable error);
}
