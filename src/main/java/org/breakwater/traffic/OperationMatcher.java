package org.breakwater.traffic;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.breakwater.apidiff.spec.ApiSpec;
import org.breakwater.apidiff.spec.Operation;
import org.breakwater.apidiff.spec.Server;

/**
 * Finds the operation of an API description that a logged request called: method and path
 * against the description's path templates, compiled once into a tree of path segments (a
 * lookup per segment, not a scan of every operation).
 *
 * <p>What it forgives, as servers do: the servers' base paths ({@code /pkgdb/api/packages} and
 * {@code /packages} both match {@code /packages}), a trailing slash, repeated slashes, a query
 * string, and percent-encoded characters (decoded per segment, so an encoded {@code /} stays
 * inside its segment). A literal segment wins over a template ({@code /packages/new} before
 * {@code /packages/{name}}); a segment mixing text and a template ({@code {name}.json}) is
 * matched by its pattern. HEAD falls back to GET when the description has no HEAD.
 */
public final class OperationMatcher {
    private final Segment root = new Segment();
    private final List<List<String>> basePaths;
    private final Map<Operation, String> keys = new java.util.IdentityHashMap<>();

    /** One level of the tree: literal children, patterned ones, a template child, and operations ending here. */
    private static final class Segment {
        final Map<String, Segment> literal = new HashMap<>();
        final List<Map.Entry<Pattern, Segment>> patterned = new ArrayList<>();
        Segment template;
        final Map<String, Operation> operations = new HashMap<>();
    }

    private OperationMatcher(List<List<String>> basePaths) {
        this.basePaths = basePaths;
    }

    public static OperationMatcher of(ApiSpec spec) {
        List<List<String>> bases = new ArrayList<>();
        for (Server s : spec.servers()) {
            List<String> segments = segments(s.basePath(), false);
            if (!segments.isEmpty() && !bases.contains(segments)) {
                bases.add(segments);
            }
        }
        bases.sort(Comparator.comparingInt((List<String> b) -> b.size()).reversed());
        OperationMatcher m = new OperationMatcher(List.copyOf(bases));
        for (Operation op : spec.operations().values()) {
            m.add(op);
        }
        return m;
    }

    private void add(Operation op) {
        Segment at = root;
        for (String part : segments(op.path(), false)) {
            if (part.startsWith("{") && part.endsWith("}") && part.indexOf('{', 1) < 0) {
                if (at.template == null) {
                    at.template = new Segment();
                }
                at = at.template;
            } else if (part.contains("{")) {
                Pattern p = pattern(part);
                Segment next = null;
                for (Map.Entry<Pattern, Segment> e : at.patterned) {
                    if (e.getKey().pattern().equals(p.pattern())) {
                        next = e.getValue();
                    }
                }
                if (next == null) {
                    next = new Segment();
                    at.patterned.add(Map.entry(p, next));
                }
                at = next;
            } else {
                at = at.literal.computeIfAbsent(part, k -> new Segment());
            }
        }
        at.operations.put(op.method().toUpperCase(Locale.ROOT), op);
        keys.put(op, op.key());
    }

    /** {@code {name}.json} → a pattern: each template one or more characters, the rest literal. */
    private static Pattern pattern(String part) {
        StringBuilder regex = new StringBuilder();
        Matcher m = Pattern.compile("\\{[^}]*}").matcher(part);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(part.substring(last, m.start()))).append(".+?");
            last = m.end();
        }
        regex.append(Pattern.quote(part.substring(last)));
        return Pattern.compile(regex.toString());
    }

    /**
     * The operation {@code method} {@code target} called, if the description has it. {@code target}
     * is the request target as logged: a path, maybe with a query.
     */
    public Optional<Operation> match(String method, String target) {
        String m = method.toUpperCase(Locale.ROOT);
        List<String> path = segments(target, true);
        for (List<String> base : basePaths) {
            if (path.size() >= base.size() && path.subList(0, base.size()).equals(base)) {
                Optional<Operation> found = find(m, path.subList(base.size(), path.size()));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return find(m, path);
    }

    /** {@link #match}, as the operation's {@link Operation#key() key} (computed once per operation). */
    public Optional<String> matchKey(String method, String target) {
        return match(method, target).map(op -> {
            String key = keys.get(op); // read only: thread-safe
            return key != null ? key : op.key();
        });
    }

    private Optional<Operation> find(String method, List<String> path) {
        Segment end = walk(root, path, 0, method);
        if (end == null) {
            return Optional.empty();
        }
        Operation op = end.operations.get(method);
        return Optional.ofNullable(op != null ? op : method.equals("HEAD") ? end.operations.get("GET") : null);
    }

    /** Depth-first: literal, then patterned, then template — the first branch that leads to the method wins. */
    private static Segment walk(Segment at, List<String> path, int i, String method) {
        if (i == path.size()) {
            return at.operations.containsKey(method) || method.equals("HEAD") && at.operations.containsKey("GET")
                    ? at : null;
        }
        String part = path.get(i);
        Segment lit = at.literal.get(part);
        if (lit != null) {
            Segment found = walk(lit, path, i + 1, method);
            if (found != null) {
                return found;
            }
        }
        for (Map.Entry<Pattern, Segment> e : at.patterned) {
            if (e.getKey().matcher(part).matches()) {
                Segment found = walk(e.getValue(), path, i + 1, method);
                if (found != null) {
                    return found;
                }
            }
        }
        return at.template != null && !part.isEmpty() ? walk(at.template, path, i + 1, method) : null;
    }

    /** A path's segments: no query or fragment, no empty segments; decoded when {@code decode}. */
    static List<String> segments(String target, boolean decode) {
        int end = target.length();
        int q = target.indexOf('?');
        if (q >= 0) {
            end = q;
        }
        int h = target.indexOf('#');
        if (h >= 0 && h < end) {
            end = h;
        }
        int start = 0;
        if (target.startsWith("http://") || target.startsWith("https://")) { // an absolute-form target
            int slash = target.indexOf('/', target.indexOf("//") + 2);
            start = slash < 0 || slash > end ? end : slash;
        }
        List<String> out = new ArrayList<>(8);
        int i = start;
        while (i < end) {
            int next = target.indexOf('/', i);
            if (next < 0 || next > end) {
                next = end;
            }
            if (next > i) {
                String s = target.substring(i, next);
                out.add(decode && s.indexOf('%') >= 0 ? decode(s) : s);
            }
            i = next + 1;
        }
        return out;
    }

    /** Percent-decoding as UTF-8; a malformed escape is kept as written. */
    static String decode(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                bytes.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 3;
            } else {
                int cp = s.codePointAt(i);
                byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
                i += Character.charCount(cp);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
