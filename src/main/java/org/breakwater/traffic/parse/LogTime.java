package org.breakwater.traffic.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Hand-written parsing of log timestamps, with a cache of the last text parsed (log lines mostly
 * share their second with the line before). Accepts nginx/Apache {@code $time_local}
 * ({@code 10/Oct/2000:13:55:36 -0700}), ISO 8601 with an offset or {@code Z} and an optional
 * fraction ({@code $time_iso8601}), and epoch seconds with an optional fraction ({@code $msec}).
 * Thread-safe: the cache is an immutable pair replaced whole.
 */
final class LogTime {
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private record Cached(String text, Instant instant) {}

    private Cached last = new Cached("", Instant.EPOCH);

    /** The instant written in {@code s[start, end)}, or null when it is not a timestamp. */
    Instant parse(String s, int start, int end) {
        int len = end - start;
        Cached cached = last;
        if (cached.text.length() == len && len > 0 && s.regionMatches(start, cached.text, 0, len)) {
            return cached.instant;
        }
        Instant instant;
        if (len == 26 && s.charAt(start + 2) == '/') instant = local(s, start);
        else if (len >= 20 && s.charAt(start + 4) == '-') instant = iso(s, start, end);
        else instant = epoch(s, start, end);
        if (instant != null) last = new Cached(s.substring(start, end), instant);
        return instant;
    }

    /** {@code dd/MMM/yyyy:HH:mm:ss +hhmm}. */
    private static Instant local(String s, int p) {
        int month = MONTHS.indexOf(s.substring(p + 3, p + 6)); // small; only on a cache miss
        if (month < 0 || month % 3 != 0) return null;
        if (s.charAt(p + 6) != '/' || s.charAt(p + 11) != ':' || s.charAt(p + 14) != ':'
                || s.charAt(p + 17) != ':' || s.charAt(p + 20) != ' ') return null;
        return instant(num(s, p + 7, 4), month / 3 + 1, num(s, p, 2), num(s, p + 12, 2),
                num(s, p + 15, 2), num(s, p + 18, 2), 0, offset(s, p + 21, p + 26));
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|+hh:mm|+hhmm)}. */
    private static Instant iso(String s, int p, int end) {
        if (s.charAt(p + 7) != '-' || "Tt ".indexOf(s.charAt(p + 10)) < 0 || s.charAt(p + 13) != ':'
                || s.charAt(p + 16) != ':') return null;
        int i = p + 19;
        int nanos = 0;
        if (i < end && s.charAt(i) == '.') {
            int digits = 0;
            for (i++; i < end && isDigit(s.charAt(i)); i++, digits++) {
                if (digits < 9) nanos = nanos * 10 + (s.charAt(i) - '0');
            }
            if (digits == 0) return null;
            for (; digits < 9; digits++) nanos *= 10;
        }
        int offset = (end - i == 1 && (s.charAt(i) == 'Z' || s.charAt(i) == 'z')) ? 0 : offset(s, i, end);
        return instant(num(s, p, 4), num(s, p + 5, 2), num(s, p + 8, 2), num(s, p + 11, 2),
                num(s, p + 14, 2), num(s, p + 17, 2), nanos, offset);
    }

    /** {@code 1700000000} or {@code 1700000000.123}. */
    private static Instant epoch(String s, int start, int end) {
        int dot = s.indexOf('.', start);
        int secondsEnd = dot < 0 || dot >= end ? end : dot;
        if (secondsEnd == start || secondsEnd - start > 12) return null;
        long seconds = 0;
        for (int i = start; i < secondsEnd; i++) {
            if (!isDigit(s.charAt(i))) return null;
            seconds = seconds * 10 + (s.charAt(i) - '0');
        }
        int nanos = 0;
        int fraction = secondsEnd == end ? 0 : end - secondsEnd - 1;
        if (fraction > 9 || (secondsEnd < end && fraction == 0)) return null;
        if (fraction > 0) nanos = num(s, secondsEnd + 1, fraction);
        for (int d = fraction; d < 9 && fraction > 0; d++) nanos *= 10;
        return nanos < 0 ? null : Instant.ofEpochSecond(seconds, nanos);
    }

    /** Offset seconds from {@code +hhmm} or {@code +hh:mm} in {@code s[p, end)}; MIN_VALUE if bad. */
    private static int offset(String s, int p, int end) {
        int len = end - p;
        if ((len != 5 && len != 6) || (s.charAt(p) != '+' && s.charAt(p) != '-')) return Integer.MIN_VALUE;
        if (len == 6 && s.charAt(p + 3) != ':') return Integer.MIN_VALUE;
        int hours = num(s, p + 1, 2);
        int minutes = num(s, end - 2, 2);
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) return Integer.MIN_VALUE;
        int seconds = hours * 3600 + minutes * 60;
        return s.charAt(p) == '-' ? -seconds : seconds;
    }

    private static Instant instant(int year, int month, int day, int hour, int minute, int second,
            int nanos, int offsetSeconds) {
        if (year < 0 || month < 1 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 60 || offsetSeconds == Integer.MIN_VALUE) return null;
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(
                    days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds, nanos);
        } catch (DateTimeException e) {
            return null; // 31 April and the like
        }
    }

    /** The decimal number in {@code s[p, p + digits)}, or -1 if a character is not a digit. */
    private static int num(String s, int p, int digits) {
        int value = 0;
        for (int i = p; i < p + digits; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) return -1;
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
