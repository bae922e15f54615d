package org.breakwater.traffic.parse;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * One ASCII log line read in place, without decoding it: where its fields lie in the byte array,
 * and its time. Filled by {@link LogFormat#scan}, reused line after line by one thread (not
 * thread-safe); it remembers the last time text it parsed, as log lines mostly share a second.
 * A field that is absent has its start at -1. The values are those the same line's
 * {@link LogRecord} holds: {@link #user} and {@link #userAgent} are absent when logged as
 * {@code -} or empty, and an extra field is absent when logged as {@code -}.
 */
public final class ScannedLine {
    byte[] bytes;
    Instant time;
    final int[] client = new int[2];
    final int[] user = new int[2];
    final int[] method = new int[2];
    final int[] target = new int[2];
    final int[] userAgent = new int[2];
    int[] fields = new int[0]; // start, end per variable of the format
    String[] extraNames = new String[0]; // per variable: its name when it goes to LogRecord#extra, else null
    boolean status;
    int statusCode;
    private byte[] lastTime = new byte[0];
    private Instant lastInstant;

    void reset(byte[] bytes, String[] extraNames) {
        this.bytes = bytes;
        this.time = null;
        client[0] = user[0] = method[0] = target[0] = userAgent[0] = -1;
        status = false;
        if (fields.length != extraNames.length * 2) {
            fields = new int[extraNames.length * 2];
        }
        Arrays.fill(fields, -1);
        this.extraNames = extraNames;
    }

    /** The time in {@code bytes[from, to)}, from the last one when the text is the same. */
    Instant time(byte[] b, int from, int to, LogTime times) {
        int len = to - from;
        if (lastInstant != null && len == lastTime.length && Arrays.equals(b, from, to, lastTime, 0, len)) {
            return lastInstant;
        }
        Instant t = times.parse(new String(b, from, len, StandardCharsets.ISO_8859_1), 0, len);
        if (t != null) {
            lastTime = Arrays.copyOfRange(b, from, to);
            lastInstant = t;
        }
        return t;
    }

    public byte[] bytes() {
        return bytes;
    }

    public Instant time() {
        return time;
    }

    /** The response status, a three-digit number. */
    public int statusCode() {
        return statusCode;
    }

    public int clientFrom() {
        return client[0];
    }

    public int clientTo() {
        return client[1];
    }

    /** -1 when the line has no user ({@code -} or empty). */
    public int userFrom() {
        return present(user) ? user[0] : -1;
    }

    public int userTo() {
        return user[1];
    }

    /** -1 when the line has no user agent ({@code -} or empty). */
    public int userAgentFrom() {
        return present(userAgent) ? userAgent[0] : -1;
    }

    public int userAgentTo() {
        return userAgent[1];
    }

    public int methodFrom() {
        return method[0];
    }

    public int methodTo() {
        return method[1];
    }

    public int targetFrom() {
        return target[0];
    }

    public int targetTo() {
        return target[1];
    }

    /** The names of the format's extra fields by variable (null for the others); the same array for one format. */
    public String[] extraNames() {
        return extraNames;
    }

    /**
     * Which of the format's variables holds the extra field {@code name} (as in
     * {@link LogRecord#extra()}), or -1 when the format has no such extra field.
     */
    public int extraIndex(String name) {
        for (int i = 0; i < extraNames.length; i++) {
            if (name.equals(extraNames[i])) return i;
        }
        return -1;
    }

    /** Start of extra field {@code index} ({@link #extraIndex}), or -1 when absent or logged as {@code -}. */
    public int extraFrom(int index) {
        int from = fields[2 * index];
        int to = fields[2 * index + 1];
        return from < 0 || (to - from == 1 && bytes[from] == '-') ? -1 : from;
    }

    public int extraTo(int index) {
        return fields[2 * index + 1];
    }

    /** The text of {@code bytes[from, to)}, which is ASCII. */
    public String text(int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private boolean present(int[] range) {
        return range[0] >= 0 && range[1] > range[0] && !(range[1] - range[0] == 1 && bytes[range[0]] == '-');
    }
}
