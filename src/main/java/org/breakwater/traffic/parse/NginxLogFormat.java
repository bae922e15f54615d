package org.breakwater.traffic.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A log format written in nginx {@code log_format} syntax, compiled once into literals and field
 * matchers. Known variables: {@code $remote_addr}, {@code $remote_user}, {@code $time_local},
 * {@code $time_iso8601}, {@code $msec}, {@code $request}, {@code $request_method},
 * {@code $request_uri}, {@code $server_protocol}, {@code $status}, {@code $body_bytes_sent},
 * {@code $bytes_sent} (used when there is no {@code $body_bytes_sent}), {@code $http_referer},
 * {@code $http_user_agent}, {@code $host}, {@code $http_host}; every other variable
 * ({@code $http_x_api_key}, {@code $request_time}...) goes into {@link LogRecord#extra()} under its
 * name. {@code ${name}} is accepted too.
 *
 * <p>A field between double quotes ends at the next unescaped quote ({@code \"} and {@code \\}
 * are unescaped, other escapes such as nginx's {@code \x22} are kept as logged); any other field
 * ends at the first character of the literal after it, or at whitespace when it is the last.
 * The format must log a time, {@code $remote_addr}, the request and {@code $status}, and must have
 * literal text between any two variables. Instances are immutable and thread-safe.
 */
final class NginxLogFormat implements LogFormat {
    private enum Kind {
        REMOTE_ADDR, REMOTE_USER, TIME, REQUEST, METHOD, URI, PROTOCOL, STATUS, BYTES, REFERER,
        USER_AGENT, HOST, EXTRA
    }

    private final String[] literals; // literals[i] comes before field i; the last one ends the line
    private final Kind[] kinds;
    private final String[] names;
    private final boolean[] quoted;
    private final LogTime times = new LogTime();
    private final byte[][] literalBytes; // null when a literal is not ASCII: then nothing is scanned
    private final String[] extraNames;

    private NginxLogFormat(List<String> literals, List<String> names) {
        this.literals = literals.toArray(String[]::new);
        this.names = names.toArray(String[]::new);
        this.kinds = new Kind[this.names.length];
        this.quoted = new boolean[this.names.length];
        this.extraNames = new String[this.names.length];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = kind(this.names[i], names);
            quoted[i] = this.literals[i].endsWith("\"") && this.literals[i + 1].startsWith("\"");
            extraNames[i] = kinds[i] == Kind.EXTRA ? this.names[i] : null;
        }
        this.literalBytes = this.literals[0].chars().allMatch(c -> c < 0x80)
                && literals.stream().allMatch(l -> l.chars().allMatch(c -> c < 0x80))
                ? literals.stream().map(l -> l.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).toArray(byte[][]::new)
                : null;
    }

    /** Compiles a format string; throws IllegalArgumentException saying what is wrong and where. */
    static NginxLogFormat compile(String format) {
        List<String> literals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c != '$') {
                literal.append(c);
                i++;
                continue;
            }
            boolean braced = i + 1 < format.length() && format.charAt(i + 1) == '{';
            int start = braced ? i + 2 : i + 1;
            int end = start;
            while (end < format.length() && isNameChar(format.charAt(end))) end++;
            if (end == start) {
                throw bad(format, i, "'$' is not followed by a variable name");
            }
            if (braced && (end == format.length() || format.charAt(end) != '}')) {
                throw bad(format, i, "'${' is not closed by '}'");
            }
            String name = format.substring(start, end);
            if (!names.isEmpty() && literal.length() == 0) {
                throw bad(format, i, "$" + name + " directly follows another variable; put text between them");
            }
            if (!seen.add(name)) throw bad(format, i, "$" + name + " appears twice");
            literals.add(literal.toString());
            literal.setLength(0);
            names.add(name);
            i = braced ? end + 1 : end;
        }
        literals.add(literal.toString());
        requireOne(format, names, "a time ($time_local, $time_iso8601 or $msec)", "time_local", "time_iso8601", "msec");
        requireOne(format, names, "$remote_addr", "remote_addr");
        if (!names.contains("request_method") || !names.contains("request_uri")) {
            requireOne(format, names, "$request (or $request_method and $request_uri)", "request");
        }
        requireOne(format, names, "$status", "status");
        return new NginxLogFormat(literals, names);
    }

    @Override
    public ParseResult parse(String line) {
        if (!line.startsWith(literals[0])) return expected(0, 0);
        RecordFields fields = new RecordFields();
        int pos = literals[0].length();
        for (int i = 0; i < kinds.length; i++) {
            String next = literals[i + 1];
            int end;
            String source = line;
            int start = pos;
            if (quoted[i]) {
                end = closingQuote(line, pos);
                if (end < 0) return new LineProblem(pos + 1, "$" + names[i] + " has no closing quote");
                int backslash = line.indexOf('\\', pos);
                if (backslash >= 0 && backslash < end) {
                    source = unescape(line, pos, end);
                    start = 0;
                }
            } else if (next.isEmpty()) {
                end = pos;
                while (end < line.length() && !Character.isWhitespace(line.charAt(end))) end++;
            } else {
                end = line.indexOf(next.charAt(0), pos);
                if (end < 0) return expected(i + 1, line.length());
            }
            int sourceEnd = source == line ? end : source.length();
            LineProblem problem = field(fields, i, source, start, sourceEnd, pos + 1);
            if (problem != null) return problem;
            if (!line.startsWith(next, end)) return expected(i + 1, end);
            pos = end + next.length();
        }
        for (int i = pos; i < line.length(); i++) {
            if (!Character.isWhitespace(line.charAt(i))) return new LineProblem(i + 1, "unexpected text after the last field");
        }
        return fields.build(1);
    }

    /**
     * {@link #parse} on bytes, for an ASCII line without backslashes in its quoted fields: the same
     * rules, field by field; false at anything it does not read the same way, bad or not.
     */
    @Override
    public boolean scan(byte[] b, int from, int to, ScannedLine out) {
        if (literalBytes == null) return false;
        out.reset(b, extraNames);
        if (!startsWith(b, from, to, literalBytes[0])) return false;
        int pos = from + literalBytes[0].length;
        for (int i = 0; i < kinds.length; i++) {
            byte[] next = literalBytes[i + 1];
            int end = -1;
            if (quoted[i]) {
                end = quoteOrBackslash(b, pos, to);
                if (end >= 0 && b[end] == '\\') return false;
            } else if (next.length == 0) {
                end = pos;
                while (end < to && !isAsciiWhitespace(b[end])) end++;
            } else {
                byte first = next[0];
                for (int j = pos; j < to; j++) {
                    if (b[j] == first) {
                        end = j;
                        break;
                    }
                }
            }
            if (end < 0 || !scanField(out, i, b, pos, end) || !startsWith(b, end, to, next)) return false;
            pos = end + next.length;
        }
        for (int j = pos; j < to; j++) {
            if (!isAsciiWhitespace(b[j])) return false;
        }
        return out.time != null && out.client[0] >= 0 && out.method[0] >= 0 && out.target[0] >= 0 && out.status;
    }

    private boolean scanField(ScannedLine out, int i, byte[] b, int start, int end) {
        out.fields[2 * i] = start;
        out.fields[2 * i + 1] = end;
        switch (kinds[i]) {
            case TIME -> {
                out.time = out.time(b, start, end, times);
                return out.time != null;
            }
            case STATUS -> {
                if (end - start != 3 || !digits(b, start, end)) return false;
                out.status = true;
                out.statusCode = (b[start] - '0') * 100 + (b[start + 1] - '0') * 10 + (b[start + 2] - '0');
            }
            case BYTES -> {
                if (!(end - start == 1 && b[start] == '-') && (end == start || end - start > 18 || !digits(b, start, end))) {
                    return false;
                }
            }
            case REMOTE_ADDR -> set(out.client, start, end);
            case REMOTE_USER -> set(out.user, start, end);
            case REQUEST -> { return scanRequest(out, b, start, end); }
            case METHOD -> set(out.method, start, end);
            case URI -> set(out.target, start, end);
            case USER_AGENT -> set(out.userAgent, start, end);
            default -> { } // protocol, referer, host and extra fields: kept only as the range above
        }
        return true;
    }

    /** {@link RecordFields#request} on bytes. */
    private static boolean scanRequest(ScannedLine out, byte[] b, int start, int end) {
        int first = -1;
        int last = -1;
        for (int j = start; j < end; j++) {
            if (b[j] == ' ') {
                first = j;
                break;
            }
        }
        for (int j = end - 1; j >= start; j--) {
            if (b[j] == ' ') {
                last = j;
                break;
            }
        }
        if (first <= start || last == first || last == end - 1 || end - (last + 1) < 5 || b[last + 1] != 'H'
                || b[last + 2] != 'T' || b[last + 3] != 'T' || b[last + 4] != 'P' || b[last + 5] != '/') {
            return false;
        }
        for (int j = start; j < first; j++) {
            byte c = b[j];
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_')) return false;
        }
        set(out.method, start, first);
        set(out.target, first + 1, last);
        return true;
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = ONES * '"';
    private static final long BACKSLASHES = ONES * '\\';

    /** The first {@code "} or backslash in {@code b[from, to)}, eight bytes at a time; -1 if none. */
    private static int quoteOrBackslash(byte[] b, int from, int to) {
        int j = from;
        for (; j + 8 <= to; j += 8) {
            long x = (long) LONGS.get(b, j);
            long q = x ^ QUOTES;
            long s = x ^ BACKSLASHES;
            long found = ((q - ONES) & ~q | (s - ONES) & ~s) & HIGHS;
            if (found != 0) {
                return j + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; j < to; j++) {
            if (b[j] == '"' || b[j] == '\\') return j;
        }
        return -1;
    }

    private static void set(int[] range, int from, int to) {
        range[0] = from;
        range[1] = to;
    }

    private static boolean digits(byte[] b, int from, int to) {
        for (int j = from; j < to; j++) {
            if (b[j] < '0' || b[j] > '9') return false;
        }
        return true;
    }

    private static boolean startsWith(byte[] b, int at, int to, byte[] prefix) {
        return to - at >= prefix.length && java.util.Arrays.equals(b, at, at + prefix.length, prefix, 0, prefix.length);
    }

    /** {@link Character#isWhitespace} for an ASCII character. */
    private static boolean isAsciiWhitespace(byte c) {
        return c == ' ' || (c >= 9 && c <= 13) || (c >= 28 && c <= 31);
    }

    private LineProblem field(RecordFields f, int i, String s, int start, int end, int column) {
        switch (kinds[i]) {
            case TIME -> {
                f.time = times.parse(s, start, end);
                return f.time == null ? new LineProblem(column, "bad time") : null;
            }
            case STATUS -> { return f.status(s, start, end, column); }
            case BYTES -> { return f.bytes(s, start, end, column); }
            default -> { }
        }
        String value = s.substring(start, end);
        switch (kinds[i]) {
            case REMOTE_ADDR -> f.client = value;
            case REMOTE_USER -> f.remoteUser = value;
            case REQUEST -> { return f.request(value, column); }
            case METHOD -> f.method = value;
            case URI -> f.target = value;
            case PROTOCOL -> f.protocol = value;
            case REFERER -> f.referer = value;
            case USER_AGENT -> f.userAgent = value;
            case HOST -> f.host = value;
            default -> f.extra(names[i], value);
        }
        return null;
    }

    private LineProblem expected(int literal, int at) {
        String text = literals[literal];
        String what = literal == 0 ? "at line start" : "after $" + names[literal - 1];
        return new LineProblem(at + 1, "expected '" + text + "' " + what);
    }

    private static Kind kind(String name, List<String> all) {
        return switch (name) {
            case "remote_addr" -> Kind.REMOTE_ADDR;
            case "remote_user" -> Kind.REMOTE_USER;
            case "time_local", "time_iso8601", "msec" -> Kind.TIME;
            case "request" -> Kind.REQUEST;
            case "request_method" -> Kind.METHOD;
            case "request_uri" -> Kind.URI;
            case "server_protocol" -> Kind.PROTOCOL;
            case "status" -> Kind.STATUS;
            case "body_bytes_sent" -> Kind.BYTES;
            case "bytes_sent" -> all.contains("body_bytes_sent") ? Kind.EXTRA : Kind.BYTES;
            case "http_referer" -> Kind.REFERER;
            case "http_user_agent" -> Kind.USER_AGENT;
            case "host", "http_host" -> all.contains("host") && name.equals("http_host") ? Kind.EXTRA : Kind.HOST;
            default -> Kind.EXTRA;
        };
    }

    /** Index of the double quote closing a field that starts at {@code from}, or -1. */
    private static int closingQuote(String line, int from) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') i++;
            else if (c == '"') return i;
        }
        return -1;
    }

    private static String unescape(String line, int start, int end) {
        StringBuilder out = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < end && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) c = line.charAt(++i);
            out.append(c);
        }
        return out.toString();
    }

    private static void requireOne(String format, List<String> names, String what, String... any) {
        for (String name : any) if (names.contains(name)) return;
        throw new IllegalArgumentException("log format must contain " + what + ": " + format);
    }

    private static IllegalArgumentException bad(String format, int index, String reason) {
        return new IllegalArgumentException(
                "bad log format at column " + (index + 1) + ": " + reason + ": " + format);
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
