package org.breakwater.apidiff.spec;

import java.util.Iterator;
import java.util.Map;

/** Writes a node back as compact JSON text, for comparing and showing literal values. */
public final class Json {
    private Json() {
    }

    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Compact JSON of a node; deep structures are cut short, as they are only shown or compared. */
    public static String write(Node node) {
        StringBuilder b = new StringBuilder();
        write(node, b, 0);
        return b.toString();
    }

    private static void write(Node node, StringBuilder b, int depth) {
        if (depth > 64 || b.length() > 10_000) {
            b.append("…");
            return;
        }
        if (node instanceof ScalarNode s) {
            b.append(s.json());
        } else if (node instanceof ArrayNode a) {
            b.append('[');
            for (int i = 0; i < a.items().size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                write(a.items().get(i), b, depth + 1);
            }
            b.append(']');
        } else if (node instanceof ObjectNode o) {
            b.append('{');
            Iterator<Map.Entry<String, Node>> it = o.fields().entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, Node> e = it.next();
                b.append(quote(e.getKey())).append(':');
                write(e.getValue(), b, depth + 1);
                if (it.hasNext()) {
                    b.append(',');
                }
            }
            b.append('}');
        }
    }
}
