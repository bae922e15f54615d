package org.breakwater.staging.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON body read into plain values with Jackson's streaming parser (the project has no
 * databind): objects as {@code Map<String, Object>} in body order, arrays as {@code List<Object>},
 * strings, {@link Num} (the number's text, compared by value), {@link Boolean} and {@link #NULL}.
 * Nesting is bounded by Jackson's stream constraints (1,000 levels).
 */
final class JsonTree {
    /** JSON's null (a map cannot hold Java's). */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** A number as written; two numbers are equal when their values are. */
    record Num(String text) {
        boolean sameValue(Num other) {
            return sameValue(text, other.text);
        }

        /**
         * Whether two JSON numbers have one value. JSON writes an integer one way only (no leading
         * zeros, no plus sign), so two integers written differently differ, but for 0 and -0;
         * only a fraction or an exponent needs {@link java.math.BigDecimal}.
         */
        static boolean sameValue(String a, String b) {
            if (a.equals(b)) {
                return true;
            }
            if (integer(a) && integer(b)) {
                return zero(a) && zero(b);
            }
            return new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b)) == 0;
        }

        private static boolean integer(String n) {
            for (int i = 0; i < n.length(); i++) {
                char c = n.charAt(i);
                if (c == '.' || c == 'e' || c == 'E') {
                    return false;
                }
            }
            return true;
        }

        private static boolean zero(String n) {
            return n.equals("0") || n.equals("-0");
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Why a body could not be read as JSON. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonTree() {
    }

    static Object read(byte[] body) throws Unreadable {
        try (JsonParser p = FACTORY.createParser(body)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new Unreadable("empty body");
            }
            Object v = value(p, t);
            if (p.nextToken() != null) {
                throw new Unreadable("more than one value at " + p.currentLocation().getCharOffset());
            }
            return v;
        } catch (IOException e) {
            String m = e.getMessage();
            int nl = m == null ? -1 : m.indexOf('\n');
            throw new Unreadable(m == null ? e.getClass().getSimpleName() : nl < 0 ? m : m.substring(0, nl));
        }
    }

    static Object value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                String name;
                while ((name = p.nextFieldName()) != null) {
                    m.put(name, value(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    l.add(value(p, n));
                }
                return l;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new Num(p.getText());
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return NULL;
            default:
                throw new IOException("unexpected " + t);
        }
    }

    /** The JSON type's name: object, array, string, number, boolean or null. */
    static String type(Object v) {
        if (v instanceof Map) {
            return "object";
        } else if (v instanceof List) {
            return "array";
        } else if (v instanceof String) {
            return "string";
        } else if (v instanceof Num) {
            return "number";
        } else if (v instanceof Boolean) {
            return "boolean";
        }
        return "null";
    }

    /** A short rendering: a string without quotes, a scalar as JSON, a container by its size. */
    static String shown(Object v) {
        if (v instanceof Map) {
            return "object of " + ((Map<?, ?>) v).size() + " fields";
        } else if (v instanceof List) {
            return "array of " + ((List<?>) v).size();
        }
        return v.toString();
    }
}
