package org.breakwater.traffic.parse;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * JSON lines: each line one flat JSON object, read by a small hand-written reader. Keys are
 * mapped to record fields by {@link JsonField} (defaults: time, remote_addr, remote_user, method,
 * uri, request, server_protocol, status, body_bytes_sent, http_referer, http_user_agent, host).
 * Strings, numbers, booleans and null are read; a nested object or array is kept as its raw JSON
 * text in {@link LogRecord#extra()}, like every other unmapped key. {@code null} counts as absent.
 * The time may be ISO 8601, nginx's {@code $time_local} or epoch seconds; status and bytes may be
 * numbers or strings. Instances are immutable and thread-safe.
 */
final class JsonLinesFormat implements LogFormat {
    private final Map<String, JsonField> fieldsByKey = new HashMap<>();
    private final LogTime times = new LogTime();

    JsonLinesFormat(Map<JsonField, String> renamed) {
        Map<JsonField, String> keys = new EnumMap<>(JsonField.class);
        for (JsonField field : JsonField.values()) keys.put(field, field.defaultKey());
        keys.putAll(renamed);
        keys.forEach((field, key) -> {
            if (key == null || key.isEmpty()) throw new IllegalArgumentException("JSON key for " + field + " is empty");
            JsonField before = fieldsByKey.put(key, field);
            if (before != null) {
                throw new IllegalArgumentException("JSON key \"" + key + "\" is used for both " + before + " and " + field);
            }
        });
    }

    @Override
    public ParseResult parse(String line) {
        Cursor c = new Cursor(line);
        RecordFields f = new RecordFields();
        String request = null;
        int requestColumn = 1;
        if (!c.skip('{')) return c.problem("expected '{'");
        if (c.skip('}')) return c.end(f.build(1));
        do {
            if (!c.at('"')) return c.problem("expected a key");
            String key = c.string();
            if (key == null) return c.problem("unterminated string");
            if (!c.skip(':')) return c.problem("expected ':'");
            int column = c.pos + 1;
            String value = c.value();
            if (value == null) return new LineProblem(column, "bad value");
            if (c.wasNull) continue;
            JsonField field = fieldsByKey.get(key);
            LineProblem problem = null;
            if (field == null) f.extra(key, value);
            else switch (field) {
                case TIME -> {
                    f.time = times.parse(value, 0, value.length());
                    if (f.time == null) problem = new LineProblem(column, "bad time");
                }
                case REMOTE_ADDR -> f.client = value;
                case REMOTE_USER -> f.remoteUser = value;
                case METHOD -> f.method = value;
                case URI -> f.target = value;
                case REQUEST -> { request = value; requestColumn = column; }
                case PROTOCOL -> f.protocol = value;
                case STATUS -> problem = f.status(value, 0, value.length(), column);
                case BYTES -> problem = f.bytes(value, 0, value.length(), column);
                case REFERER -> f.referer = value;
                case USER_AGENT -> f.userAgent = value;
                case HOST -> f.host = value;
            }
            if (problem != null) return problem;
        } while (c.skip(','));
        if (!c.skip('}')) return c.problem("expected ',' or '}'");
        if (request != null && (f.method == null || f.target == null)) {
            String method = f.method;
            String target = f.target;
            String protocol = f.protocol;
            LineProblem problem = f.request(request, requestColumn);
            if (problem != null) return problem;
            if (method != null) f.method = method;
            if (target != null) f.target = target;
            if (!protocol.isEmpty()) f.protocol = protocol;
        }
        return c.end(f.build(1));
    }

    /** A position in one line, with the JSON token readers. */
    private static final class Cursor {
        final String line;
        int pos;
        boolean wasNull;

        Cursor(String line) {
            this.line = line;
        }

        boolean at(char expected) {
            while (pos < line.length() && Character.isWhitespace(line.charAt(pos))) pos++;
            return pos < line.length() && line.charAt(pos) == expected;
        }

        boolean skip(char expected) {
            if (!at(expected)) return false;
            pos++;
            return true;
        }

        LineProblem problem(String reason) {
            return new LineProblem(pos + 1, reason);
        }

        /** The result, unless text other than whitespace follows the object. */
        ParseResult end(ParseResult result) {
            while (pos < line.length() && Character.isWhitespace(line.charAt(pos))) pos++;
            return pos < line.length() ? problem("unexpected text after the object") : result;
        }

        /** The value at pos as text (raw JSON for non-strings), or null when malformed. */
        String value() {
            wasNull = false;
            if (at('"')) return string();
            int start = pos;
            if (at('{') || at('[')) return nested();
            while (pos < line.length() && ",}] \t".indexOf(line.charAt(pos)) < 0) pos++;
            String raw = line.substring(start, pos);
            wasNull = raw.equals("null");
            return raw.isEmpty() ? null : raw;
        }

        /** A string starting at the opening quote at pos, unescaped; null if unterminated or bad. */
        String string() {
            int start = ++pos;
            while (pos < line.length()) {
                char ch = line.charAt(pos);
                if (ch == '"') return line.substring(start, pos++);
                if (ch == '\\') return escapedString(start);
                pos++;
            }
            return null;
        }

        private String escapedString(int start) {
            StringBuilder out = new StringBuilder().append(line, start, pos);
            while (pos < line.length()) {
                char ch = line.charAt(pos++);
                if (ch == '"') return out.toString();
                if (ch != '\\') {
                    out.append(ch);
                    continue;
                }
                if (pos >= line.length()) return null;
                char e = line.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (pos + 4 > line.length()) return null;
                        try {
                            out.append((char) Integer.parseInt(line, pos, pos + 4, 16));
                        } catch (NumberFormatException bad) {
                            return null;
                        }
                        pos += 4;
                    }
                    default -> { return null; }
                }
            }
            return null;
        }

        /** A nested object or array, skipped by depth, as its raw text. */
        private String nested() {
            int start = pos;
            int depth = 0;
            boolean inString = false;
            for (; pos < line.length(); pos++) {
                char ch = line.charAt(pos);
                if (inString) {
                    if (ch == '\\') pos++;
                    else if (ch == '"') inString = false;
                } else if (ch == '"') {
                    inString = true;
                } else if (ch == '{' || ch == '[') {
                    depth++;
                } else if ((ch == '}' || ch == ']') && --depth == 0) {
                    return line.substring(start, ++pos);
                }
            }
            return null;
        }
    }
}
