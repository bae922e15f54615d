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
    private byte[][][] baseBytes;

    /** One level of the tree: literal children, patterned ones, a template child, and operations ending here. */
    private static final class Segment {
        final Map<String, Segment> literal = new HashMap<>();
        final List<Map.Entry<Pattern, Segment>> patterned = new ArrayList<>();
        final List<String> patternedParts = new ArrayList<>(); // the segment each pattern came from
        Segment template;
        final Map<String, Operation> operations = new HashMap<>();
        // the literal children by their bytes, for matching on bytes: open addressing, built once
        byte[][] literalBytes;
        Segment[] literalNext;
        // per pattern with one template ({name}.json): the text before and after it; null for the others
        byte[][] prefixes;
        byte[][] suffixes;

        // the operations ending here, as arrays: a handful, looked up without hashing
        String[] methods;
        Operation[] methodOperations;

        Operation operation(String method) {
            for (int i = 0; i < methods.length; i++) {
                if (methods[i].equals(method)) {
                    return methodOperations[i];
                }
            }
            return null;
        }

        void freeze() {
            methods = operations.keySet().toArray(String[]::new);
            methodOperations = new Operation[methods.length];
            for (int i = 0; i < methods.length; i++) {
                methodOperations[i] = operations.get(methods[i]);
            }
            prefixes = new byte[patterned.size()][];
            suffixes = new byte[patterned.size()][];
            for (int i = 0; i < patterned.size(); i++) {
                Matcher m = TEMPLATE.matcher(patternedParts.get(i));
                if (m.find()) {
                    String part = patternedParts.get(i);
                    int start = m.start();
                    int end = m.end();
                    if (!m.find()) {
                        prefixes[i] = part.substring(0, start).getBytes(StandardCharsets.UTF_8);
                        suffixes[i] = part.substring(end).getBytes(StandardCharsets.UTF_8);
                    }
                }
            }
            int slots = Integer.highestOneBit(Math.max(1, literal.size()) * 2 - 1) * 2;
            literalBytes = new byte[slots][];
            literalNext = new Segment[slots];
            literal.forEach((name, next) -> {
                byte[] key = name.getBytes(StandardCharsets.UTF_8);
                int i = BytesCache.hash(key, 0, key.length) & (slots - 1);
                while (literalBytes[i] != null) {
                    i = (i + 1) & (slots - 1);
                }
                literalBytes[i] = key;
                literalNext[i] = next;
                next.freeze();
            });
            if (template != null) {
                template.freeze();
            }
            patterned.forEach(e -> e.getValue().freeze());
        }

        Segment literal(byte[] b, int from, int to) {
            int mask = literalBytes.length - 1;
            for (int i = BytesCache.hash(b, from, to) & mask; ; i = (i + 1) & mask) {
                byte[] k = literalBytes[i];
                if (k == null) {
                    return null;
                }
                if (java.util.Arrays.equals(k, 0, k.length, b, from, to)) {
                    return literalNext[i];
                }
            }
        }
    }

    /** Where a target's path segments lie in its bytes, reused target after target by one thread. */
    static final class Segments {
        int[] bounds = new int[32];
        int count;
    }

    /** What {@link #matchKey(String, byte[], int, int, Segments)} answers when it cannot tell without decoding. */
    static final String UNDECIDED = new String("undecided");

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
        m.root.freeze();
        m.baseBytes = m.basePaths.stream().map(b -> b.stream().map(x -> x.getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new)).toArray(byte[][][]::new);
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
                    at.patternedParts.add(part);
                }
                at = next;
            } else {
                at = at.literal.computeIfAbsent(part, k -> new Segment());
            }
        }
        at.operations.put(op.method().toUpperCase(Locale.ROOT), op);
        keys.put(op, op.key());
    }

    private static final Pattern TEMPLATE = Pattern.compile("\\{[^}]*}");

    /** {@code {name}.json} → a pattern: each template one or more characters, the rest literal. */
    private static Pattern pattern(String part) {
        StringBuilder regex = new StringBuilder();
        Matcher m = TEMPLATE.matcher(part);
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

    /**
     * {@link #matchKey(String, String)} on the ASCII bytes {@code b[from, to)} of a target, with
     * {@code method} already in upper case: the key, null when no operation matches, or
     * {@link #UNDECIDED} when the path holds a percent-escape (then ask with strings).
     */
    String matchKey(String method, byte[] b, int from, int to, Segments s) {
        if (!segments(b, from, to, s)) {
            return UNDECIDED;
        }
        for (byte[][] base : baseBytes) {
            if (s.count >= base.length && startsWith(b, s, base)) {
                String found = find(method, b, s, base.length);
                if (found != null) {
                    return found;
                }
            }
        }
        return find(method, b, s, 0);
    }

    private String find(String method, byte[] b, Segments s, int first) {
        Segment end = walk(root, b, s, first, method);
        if (end == null) {
            return null;
        }
        Operation op = end.operation(method);
        if (op == null && method.equals("HEAD")) {
            op = end.operation("GET");
        }
        return op == null ? null : keys.get(op);
    }

    /** {@link #walk(Segment, List, int, String)} on bytes. */
    private static Segment walk(Segment at, byte[] b, Segments s, int i, String method) {
        if (i == s.count) {
            return at.operation(method) != null || method.equals("HEAD") && at.operation("GET") != null ? at : null;
        }
        int from = s.bounds[2 * i];
        int to = s.bounds[2 * i + 1];
        Segment lit = at.literal(b, from, to);
        if (lit != null) {
            Segment found = walk(lit, b, s, i + 1, method);
            if (found != null) {
                return found;
            }
        }
        for (int p = 0; p < at.prefixes.length; p++) {
            if (at.prefixes[p] != null ? matches(b, from, to, at.prefixes[p], at.suffixes[p])
                    : at.patterned.get(p).getKey().matcher(new String(b, from, to - from, StandardCharsets.ISO_8859_1))
                    .matches()) {
                Segment found = walk(at.patterned.get(p).getValue(), b, s, i + 1, method);
                if (found != null) {
                    return found;
                }
            }
        }
        return at.template != null && to > from ? walk(at.template, b, s, i + 1, method) : null;
    }

    /**
     * Does ASCII {@code b[from, to)} match {@code prefix.+?suffix} (a {@link #pattern} with one
     * template): the prefix, one or more characters that are not line ends, the suffix?
     */
    private static boolean matches(byte[] b, int from, int to, byte[] prefix, byte[] suffix) {
        int middle = to - from - prefix.length - suffix.length;
        if (middle < 1 || !java.util.Arrays.equals(b, from, from + prefix.length, prefix, 0, prefix.length)
                || !java.util.Arrays.equals(b, to - suffix.length, to, suffix, 0, suffix.length)) {
            return false;
        }
        for (int i = from + prefix.length; i < to - suffix.length; i++) {
            if (b[i] == '\n' || b[i] == '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] b, Segments s, byte[][] base) {
        for (int i = 0; i < base.length; i++) {
            if (!java.util.Arrays.equals(b, s.bounds[2 * i], s.bounds[2 * i + 1], base[i], 0, base[i].length)) {
                return false;
            }
        }
        return true;
    }

    /** {@link #segments(String, boolean)} on bytes; false when a segment needs decoding. */
    private static boolean segments(byte[] b, int from, int to, Segments s) {
        int end = to;
        for (int i = from; i < to; i++) {
            if (b[i] == '?' || b[i] == '#') {
                end = i;
                break;
            }
        }
        int start = from;
        int scheme = startsWith(b, from, to, "http://") ? 7 : startsWith(b, from, to, "https://") ? 8 : 0;
        if (scheme > 0) { // an absolute-form target
            int slash = -1;
            for (int i = from + scheme; i < to; i++) {
                if (b[i] == '/') {
                    slash = i;
                    break;
                }
            }
            start = slash < 0 || slash > end ? end : slash;
        }
        s.count = 0;
        int i = start;
        while (i < end) {
            int next = i;
            while (next < end && b[next] != '/') {
                if (b[next] == '%') {
                    return false;
                }
                next++;
            }
            if (next > i) {
                if (2 * s.count + 2 > s.bounds.length) {
                    s.bounds = java.util.Arrays.copyOf(s.bounds, s.bounds.length * 2);
                }
                s.bounds[2 * s.count] = i;
                s.bounds[2 * s.count + 1] = next;
                s.count++;
            }
            i = next + 1;
        }
        return true;
    }

    private static boolean startsWith(byte[] b, int from, int to, String prefix) {
        if (to - from < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
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
