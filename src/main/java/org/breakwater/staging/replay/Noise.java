package org.breakwater.staging.replay;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The JSON paths whose differences say nothing (timestamps, request ids): configured, or learned
 * the way Twitter's Diffy does — a field that differs between two answers of the same version
 * (two baselines) is noise, for every call of that operation. A path covers its whole subtree;
 * a configured path may use {@code [*]} for any position and {@code *} for any field name.
 * Whole-answer differences ({@code $}: status, media type, no answer) are noise only when
 * configured or learned as such.
 */
public final class Noise {
    private static final Pattern VALID = Pattern.compile("\\$(\\.[A-Za-z_*-][A-Za-z0-9_*-]*|\\[\\*]|\\['[^']*'])*");

    private final Set<String> paths = new LinkedHashSet<>();

    public Noise() {
    }

    public Noise(Set<String> configured) {
        for (String p : configured) {
            if (!VALID.matcher(p).matches()) {
                throw new IllegalArgumentException("noise path '" + p + "' is not a JSON path such as $.updated or $.items[*].id");
            }
            paths.add(p);
        }
    }

    /** Learns from the differences between two baselines' answers to one call. */
    public void learn(List<Difference> betweenBaselines) {
        for (Difference d : betweenBaselines) {
            paths.add(d.path());
        }
    }

    public void addAll(Noise other) {
        paths.addAll(other.paths);
    }

    public Set<String> paths() {
        return Set.copyOf(paths);
    }

    public boolean covers(Difference d) {
        for (String p : paths) {
            if (JsonPaths.within(d.path(), p) || (p.contains("*") && wildcard(p, d.path()))) {
                return true;
            }
        }
        return false;
    }

    /** The differences that are not noise. */
    public List<Difference> explain(List<Difference> differences) {
        if (paths.isEmpty()) {
            return differences;
        }
        return differences.stream().filter(d -> !covers(d)).toList();
    }

    private static boolean wildcard(String pattern, String path) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.startsWith("[*]", i)) {
                regex.append("\\[\\*]");
                i += 2;
            } else if (pattern.charAt(i) == '*') {
                regex.append("[^.\\[]+");
            } else {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(i))));
            }
        }
        return Pattern.compile(regex + "((\\.|\\[).*)?").matcher(path).matches();
    }
}
