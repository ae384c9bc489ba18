package io.oort.connector.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class InFlightPublishesTest {

    /** Records what a sink's completion is told. */
    private static final class Told implements MqttLink.Completion {
        final List<Throwable> calls = new ArrayList<>();

        @Override
        public void completed(Throwable failure) {
            calls.add(failure == null ? new Throwable("ok") : failure);
        }

        boolean ok() {
            return calls.size() == 1 && "ok".equals(calls.get(0).getMessage());
        }
    }

    @Test
    void aWrittenMessageIsToldOnceAndALateLossDoesNotTouchIt() {
        InFlightPublishes f = new InFlightPublishes();
        Told told = new Told();
        InFlightPublishes.Publish p = f.begin(told);
        f.handedOver(p);
        p.completed(null);
        f.settleAll("connection lost");
        assertTrue(told.ok(), told.calls.toString());
        assertEquals(0, f.takeFailures());
        assertEquals(0, f.size());
    }

    @Test
    void aLossSettlesWhatPahoNeverReportsAndIgnoresItsLateReport() {
        InFlightPublishes f = new InFlightPublishes();
        Told a = new Told();
        Told b = new Told();
        InFlightPublishes.Publish pa = f.begin(a);
        f.handedOver(pa);
        InFlightPublishes.Publish pb = f.begin(b);
        f.handedOver(pb);
        f.settleAll("broker went away");
        pa.completed(null); // too late: already settled as failed
        assertEquals(1, a.calls.size());
        assertEquals("broker went away", a.calls.get(0).getMessage());
        assertEquals(1, b.calls.size());
        assertEquals(2, f.takeFailures());
        assertEquals(0, f.size());
    }

    @Test
    void aPublishHandedOverWhileTheConnectionBrokeIsSettledByTheHandOver() {
        InFlightPublishes f = new InFlightPublishes();
        Told told = new Told();
        InFlightPublishes.Publish p = f.begin(told);
        f.settleAll("lost during publish"); // the publish is still inside Paho's call: a loss leaves it alone
        assertTrue(told.calls.isEmpty());
        f.handedOver(p);
        assertEquals(1, told.calls.size());
        assertNotNull(told.calls.get(0));
        assertEquals("lost during publish", told.calls.get(0).getMessage());
    }

    @Test
    void aRefusedPublishIsNeverTold() {
        InFlightPublishes f = new InFlightPublishes();
        Told told = new Told();
        InFlightPublishes.Publish p = f.begin(told);
        f.refused(p);
        f.settleAll("closed");
        p.completed(null);
        assertTrue(told.calls.isEmpty(), "the caller got the exception instead");
        assertEquals(0, f.size());
    }

    @Test
    void pahoMayReportBeforeItsPublishReturns() {
        InFlightPublishes f = new InFlightPublishes();
        Told told = new Told();
        InFlightPublishes.Publish p = f.begin(told);
        p.completed(null); // QoS 0 written before publish() returned
        f.handedOver(p);
        f.settleAll("later loss");
        assertTrue(told.ok(), told.calls.toString());
    }
}
