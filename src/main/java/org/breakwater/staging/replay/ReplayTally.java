package org.breakwater.staging.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Gathers a replay's comparisons as they come (thread-safe) in memory bounded by the number of
 * distinct differences, not of calls: per operation and difference (kind and path) the calls and
 * callers, at most {@link #EXAMPLES} distinct before/after values, and per call only the
 * differences it showed, as small numbers. Noise (paths the baselines disagree on, per
 * operation, or configured) is applied at the end, in {@link #groups()}.
 */
public final class ReplayTally {
    static final int GROUPS = 10_000;
    static final int EXAMPLES = 5;

    private static final class Group {
        final String service;
        final String operation;
        final Difference.Kind kind;
        final String path;
        final Map<String, long[]> values = new LinkedHashMap<>();
        final Map<String, long[]> callers = new TreeMap<>();
        final Map<String, Boolean> known = new HashMap<>();
        final String example;
        final int index;
        long calls;
        long lastCall;

        Group(String service, String operation, Difference d, String example, int index) {
            this.index = index;
            this.service = service;
            this.operation = operation;
            this.kind = d.kind();
            this.path = d.path();
            this.example = example;
        }
    }

    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, Noise> noise = new HashMap<>();
    private final Noise configured;
    private final List<int[]> differing = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final List<Group> byIndex = new ArrayList<>();
    private long calls;
    private long unanswered;
    private long overflow;
    private boolean capped;

    public ReplayTally(Noise configured) {
        this.configured = configured;
    }

    public synchronized void add(ReplayCall call, List<Difference> differences, List<Difference> betweenBaselines) {
        calls++;
        String op = call.service() + " " + call.operation();
        if (!betweenBaselines.isEmpty()) {
            noise.computeIfAbsent(op, k -> new Noise()).learn(betweenBaselines);
        }
        if (differences.stream().anyMatch(d -> d.kind() == Difference.Kind.NO_ANSWER)) {
            unanswered++;
        }
        if (differences.isEmpty()) {
            return;
        }
        int[] hit = new int[differences.size()];
        int n = 0;
        for (Difference d : differences) {
            Group g = group(call, d);
            if (g == null) {
                overflow++;
                continue;
            }
            if (g.lastCall != calls) { // a call counts once per group, however many array elements showed it
                g.lastCall = calls;
                g.calls++;
                g.callers.computeIfAbsent(call.caller(), k -> new long[1])[0]++;
                g.known.put(call.caller(), call.known());
                hit[n++] = g.index;
            }
            String value = d.was() + "\n" + d.is();
            long[] count = g.values.get(value);
            if (count != null) {
                count[0]++;
            } else if (g.values.size() < EXAMPLES) {
                g.values.put(value, new long[] {1});
            }
        }
        differing.add(java.util.Arrays.copyOf(hit, n));
    }

    private Group group(ReplayCall call, Difference d) {
        String key = call.service() + "\n" + call.operation() + "\n" + d.kind() + "\n" + d.path();
        Group g = groups.get(key);
        if (g == null && groups.size() < GROUPS) {
            g = new Group(call.service(), call.operation(), d, call.target(), byIndex.size());
            groups.put(key, g);
            byIndex.add(g);
        }
        return g;
    }

    public synchronized void skipped(ReplayCall call) {
        String what = call.service() + " " + call.operation();
        if (!skipped.contains(what)) {
            skipped.add(what);
        }
    }

    public synchronized void capped() {
        capped = true;
    }

    private boolean isNoise(Group g) {
        Difference d = new Difference(g.kind, g.path, "", "");
        Noise learned = noise.get(g.service + " " + g.operation);
        return configured.covers(d) || (learned != null && learned.covers(d));
    }

    /** The differences found, noise marked, most calls first. */
    public synchronized List<DifferenceGroup> groups() {
        List<DifferenceGroup> out = new ArrayList<>();
        for (Group g : groups.values()) {
            Map.Entry<String, long[]> common = g.values.entrySet().stream()
                    .max(java.util.Comparator.comparingLong(e -> e.getValue()[0])).orElseThrow();
            String[] wasIs = common.getKey().split("\n", 2);
            List<DifferenceGroup.CallerCalls> callers = new ArrayList<>();
            g.callers.forEach((c, n) -> callers.add(new DifferenceGroup.CallerCalls(c, g.known.get(c), n[0])));
            callers.sort(java.util.Comparator.comparingLong(DifferenceGroup.CallerCalls::calls).reversed());
            out.add(new DifferenceGroup(g.service, g.operation, g.kind, g.path, wasIs[0], wasIs[1], g.calls, callers,
                    g.example, isNoise(g)));
        }
        out.sort(java.util.Comparator.comparing(DifferenceGroup::noise).thenComparing(DifferenceGroup::service)
                .thenComparing(DifferenceGroup::operation).thenComparing(java.util.Comparator.comparingLong(DifferenceGroup::calls).reversed()));
        return out;
    }

    /** What the replay did, in numbers. */
    public record Counts(long calls, long differing, long unanswered, long overflow, boolean capped, List<String> skipped) {
    }

    public synchronized Counts counts() {
        Set<Integer> noisy = new java.util.HashSet<>();
        for (int i = 0; i < byIndex.size(); i++) {
            if (isNoise(byIndex.get(i))) {
                noisy.add(i);
            }
        }
        long real = differing.stream().filter(hit -> java.util.Arrays.stream(hit).anyMatch(i -> !noisy.contains(i))).count();
        return new Counts(calls, real, unanswered, overflow, capped, List.copyOf(skipped));
    }
}
