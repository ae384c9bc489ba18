package io.oort.engine.sql.function.builtin;

import java.security.SecureRandom;

/**
 * Version 1 (time-based) UUIDs, as github.com/google/uuid NewUUID() which eKuiper's newuuid() calls: a 60-bit
 * count of 100 ns intervals since 1582-10-15, a clock sequence, and a node id. The node id is random with the
 * multicast bit set (RFC 4122 §4.5), as google/uuid does when no hardware address is available.
 */
final class MiscUuid {

    private MiscUuid() {
    }

    /** 100 ns intervals between 1582-10-15 and 1970-01-01. */
    private static final long GREGORIAN_OFFSET = 0x01B21DD213814000L;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long NODE;
    private static long lastTime;
    private static int clockSeq;

    static {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        b[0] |= 0x01;
        long node = 0;
        for (byte x : b) {
            node = (node << 8) | (x & 0xff);
        }
        NODE = node;
        clockSeq = RANDOM.nextInt() & 0x3fff;
    }

    static String next() {
        long t;
        int seq;
        synchronized (MiscUuid.class) {
            java.time.Instant now = java.time.Instant.now();
            t = now.getEpochSecond() * 10_000_000L + now.getNano() / 100 + GREGORIAN_OFFSET;
            if (t <= lastTime) {
                clockSeq = (clockSeq + 1) & 0x3fff;
            }
            lastTime = t;
            seq = clockSeq;
        }
        long msb = ((t & 0xffffffffL) << 32) | (((t >>> 32) & 0xffff) << 16) | 0x1000 | ((t >>> 48) & 0x0fff);
        long lsb = ((long) (seq | 0x8000) << 48) | NODE;
        return new java.util.UUID(msb, lsb).toString();
    }
}
