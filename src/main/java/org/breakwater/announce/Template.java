package org.breakwater.announce;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Logic-less templates, the Mustache subset announcements need: {@code {{name}}} and dotted
 * {@code {{a.b}}} values, {@code {{.}}} for the current item, sections {@code {{#list}}…{{/list}}}
 * (repeated per item of a list, shown once for a true value or a non-empty text or map),
 * inverted sections {@code {{^list}}…{{/list}}} (shown when empty or false), and comments
 * {@code {{! …}}}. Nothing else: no partials, no lambdas, no method calls — the values are
 * plain maps, lists, texts, numbers and booleans — so whoever edits a template cannot run code
 * on the server. A line holding only a section tag leaves no blank line behind.
 *
 * <p>Values are written through an escaper: none for plain-text mail, HTML escaping for HTML
 * parts. An unknown name renders as nothing, as in Mustache; {@link #names()} lists every name a
 * template uses, so a check can report names the data does not have.
 */
public final class Template {
    private final String file;
    private final List<Part> parts;

    private sealed interface Part permits Text, Value, Section {
    }

    private record Text(String text) implements Part {
    }

    private record Value(String name) implements Part {
    }

    private record Section(String name, boolean inverted, List<Part> body) implements Part {
    }

    private Template(String file, List<Part> parts) {
        this.file = file;
        this.parts = parts;
    }

    public String file() {
        return file;
    }

    /** Reads {@code source}; {@code file} names it in errors. */
    public static Template parse(String source, String file) throws TemplateException {
        return parse(source, file, 1);
    }

    /** Reads {@code source}, which starts on line {@code firstLine} of {@code file}. */
    public static Template parse(String source, String file, int firstLine) throws TemplateException {
        return new Template(file, new Parser(source, file, firstLine).parse());
    }

    /** Renders with no escaping (plain text). */
    public String render(Map<String, ?> data) {
        return render(data, UnaryOperator.identity());
    }

    /** Renders, passing every value (never the template's own text) through {@code escape}. */
    public String render(Map<String, ?> data, UnaryOperator<String> escape) {
        StringBuilder out = new StringBuilder();
        Deque<Object> scopes = new ArrayDeque<>();
        scopes.push(data);
        write(parts, scopes, escape, out);
        return out.toString();
    }

    /** Every name the template looks up, in order of first use ({@code .} left out). */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        collect(parts, names);
        return names;
    }

    private static void collect(List<Part> parts, List<String> names) {
        for (Part p : parts) {
            if (p instanceof Value v && !v.name().equals(".") && !names.contains(v.name())) {
                names.add(v.name());
            } else if (p instanceof Section s) {
                if (!names.contains(s.name())) {
                    names.add(s.name());
                }
                collect(s.body(), names);
            }
        }
    }

    private static void write(List<Part> parts, Deque<Object> scopes, UnaryOperator<String> escape, StringBuilder out) {
        for (Part p : parts) {
            if (p instanceof Text t) {
                out.append(t.text());
            } else if (p instanceof Value v) {
                lookup(v.name(), scopes).ifPresent(value -> out.append(escape.apply(text(value))));
            } else {
                Section s = (Section) p;
                Optional<Object> value = lookup(s.name(), scopes);
                boolean shown = value.map(Template::truthy).orElse(false);
                if (s.inverted()) {
                    if (!shown) {
                        write(s.body(), scopes, escape, out);
                    }
                } else if (shown) {
                    if (value.get() instanceof Collection<?> items) {
                        for (Object item : items) {
                            scopes.push(item);
                            write(s.body(), scopes, escape, out);
                            scopes.pop();
                        }
                    } else {
                        scopes.push(value.get());
                        write(s.body(), scopes, escape, out);
                        scopes.pop();
                    }
                }
            }
        }
    }

    private static boolean truthy(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        return v != null;
    }

    private static String text(Object v) {
        return v instanceof Collection<?> c ? String.join(", ", c.stream().map(Template::text).toList()) : String.valueOf(v);
    }

    /** The value of a (dotted) name: its first part from the innermost scope that has it. */
    private static Optional<Object> lookup(String name, Deque<Object> scopes) {
        if (name.equals(".")) {
            return Optional.ofNullable(scopes.peek());
        }
        String[] path = name.split("\\.");
        for (Object scope : scopes) {
            if (scope instanceof Map<?, ?> m && m.containsKey(path[0])) {
                Object v = m.get(path[0]);
                for (int i = 1; i < path.length && v != null; i++) {
                    v = v instanceof Map<?, ?> inner ? inner.get(path[i]) : null;
                }
                return Optional.ofNullable(v);
            }
        }
        return Optional.empty();
    }

    /** Reads the template text into parts, with the place of every tag for errors. */
    private static final class Parser {
        private final String src;
        private final String file;
        private final int firstLine;
        private int pos;

        Parser(String src, String file, int firstLine) {
            this.src = src;
            this.file = file;
            this.firstLine = firstLine;
        }

        private int[] place(int at) {
            int line = firstLine;
            int col = 1;
            for (int i = 0; i < at; i++) {
                if (src.charAt(i) == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
            }
            return new int[] {line, col};
        }

        private TemplateException error(int at, String message) {
            int[] p = place(at);
            return new TemplateException(file, p[0], p[1], message);
        }

        List<Part> parse() throws TemplateException {
            record Open(String name, boolean inverted, int at, List<Part> parent) {
            }
            Deque<Open> open = new ArrayDeque<>();
            List<Part> current = new ArrayList<>();
            while (pos < src.length()) {
                int start = src.indexOf("{{", pos);
                if (start < 0) {
                    current.add(new Text(src.substring(pos)));
                    break;
                }
                int end = src.indexOf("}}", start + 2);
                if (end < 0) {
                    throw error(start, "'{{' is never closed by '}}'");
                }
                String inside = src.substring(start + 2, end).strip();
                char sigil = inside.isEmpty() ? ' ' : inside.charAt(0);
                boolean standalone = sigil == '#' || sigil == '^' || sigil == '/' || sigil == '!';
                int lineStart = src.lastIndexOf('\n', start - 1) + 1;
                int lineEnd = src.indexOf('\n', end + 2);
                boolean alone = standalone && src.substring(lineStart, start).isBlank()
                        && src.substring(end + 2, lineEnd < 0 ? src.length() : lineEnd).isBlank();
                String before = src.substring(pos, alone ? lineStart : start);
                if (!before.isEmpty()) {
                    current.add(new Text(before));
                }
                pos = alone ? (lineEnd < 0 ? src.length() : lineEnd + 1) : end + 2;
                if (sigil == '!') {
                    continue;
                }
                String name = standalone ? inside.substring(1).strip() : inside;
                if (name.isEmpty()) {
                    throw error(start, "a tag needs a name");
                }
                if (!name.equals(".") && !name.matches("[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z_][A-Za-z0-9_-]*)*")) {
                    throw error(start, "'" + name + "' is not a name: templates hold names, sections and comments only"
                            + " (no partials, no code)");
                }
                if (sigil == '#' || sigil == '^') {
                    open.push(new Open(name, sigil == '^', start, current));
                    current = new ArrayList<>();
                } else if (sigil == '/') {
                    if (open.isEmpty()) {
                        throw error(start, "{{/" + name + "}} closes no section");
                    }
                    Open o = open.pop();
                    if (!o.name().equals(name)) {
                        int[] q = place(o.at());
                        throw error(start, "{{/" + name + "}} closes the section {{" + (o.inverted() ? "^" : "#") + o.name()
                                + "}} opened at " + q[0] + ":" + q[1]);
                    }
                    Section s = new Section(name, o.inverted(), List.copyOf(current));
                    current = o.parent();
                    current.add(s);
                } else {
                    current.add(new Value(name));
                }
            }
            if (!open.isEmpty()) {
                Open o = open.pop();
                throw error(o.at(), "the section {{" + (o.inverted() ? "^" : "#") + o.name() + "}} is never closed");
            }
            return List.copyOf(current);
        }
    }
}
