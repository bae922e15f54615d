package org.breakwater.traffic.parse;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of one line while it is being parsed; one per line, shared by the formats. Setters
 * return a {@link LineProblem} or null, so a format can stop at the first bad field.
 */
final class RecordFields {
    private static final String[] NO_EXTRA = new String[0];

    Instant time;
    String client;
    String remoteUser;
    String method;
    String target;
    String protocol = "";
    int status = -1;
    long bytes = -1;
    String referer;
    String userAgent;
    String host;
    private String[] extra = NO_EXTRA; // key, value, key, value...
    private int extraSize;

    /** Splits {@code METHOD TARGET PROTOCOL}; column is where the request starts, for problems. */
    LineProblem request(String request, int column) {
        int first = request.indexOf(' ');
        int last = request.lastIndexOf(' ');
        if (first <= 0 || last == first || last == request.length() - 1 || !isToken(request, first)
                || !request.startsWith("HTTP/", last + 1)) {
            return new LineProblem(column, "malformed request line");
        }
        method = request.substring(0, first);
        target = request.substring(first + 1, last);
        protocol = request.substring(last + 1);
        return null;
    }

    LineProblem status(String s, int start, int end, int column) {
        if (end - start != 3) return new LineProblem(column, "status is not a 3-digit number");
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return new LineProblem(column, "status is not a 3-digit number");
            value = value * 10 + (c - '0');
        }
        status = value;
        return null;
    }

    LineProblem bytes(String s, int start, int end, int column) {
        if (end - start == 1 && s.charAt(start) == '-') {
            bytes = -1;
            return null;
        }
        if (end == start || end - start > 18) return new LineProblem(column, "bytes is not a number");
        long value = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return new LineProblem(column, "bytes is not a number");
            value = value * 10 + (c - '0');
        }
        bytes = value;
        return null;
    }

    /** Keeps a field the record has no component for; a value of {@code -} is left out. */
    void extra(String name, String value) {
        if (isDash(value)) return;
        if (extraSize == extra.length) extra = Arrays.copyOf(extra, Math.max(4, extraSize * 2));
        extra[extraSize++] = name;
        extra[extraSize++] = value;
    }

    /** The record, or a problem naming the first required field that is missing. */
    ParseResult build(int column) {
        if (time == null) return new LineProblem(column, "no time");
        if (client == null) return new LineProblem(column, "no client address");
        if (method == null || target == null) return new LineProblem(column, "no request");
        if (status < 0) return new LineProblem(column, "no status");
        return new LogRecord(time, client, present(remoteUser), method, target, protocol, status, bytes,
                present(referer), present(userAgent), present(host), extraMap());
    }

    private Map<String, String> extraMap() {
        switch (extraSize) {
            case 0: return Map.of();
            case 2: return Map.of(extra[0], extra[1]);
            case 4: if (!extra[0].equals(extra[2])) return Map.of(extra[0], extra[1], extra[2], extra[3]);
            // fall through: a repeated name keeps its last value
            default:
                var map = new HashMap<String, String>();
                for (int i = 0; i < extraSize; i += 2) map.put(extra[i], extra[i + 1]);
                return Map.copyOf(map);
        }
    }

    static boolean isDash(String value) {
        return value.length() == 1 && value.charAt(0) == '-';
    }

    private static Optional<String> present(String value) {
        return value == null || value.isEmpty() || isDash(value) ? Optional.empty() : Optional.of(value);
    }

    private static boolean isToken(String s, int end) {
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_')) return false;
        }
        return true;
    }
}
