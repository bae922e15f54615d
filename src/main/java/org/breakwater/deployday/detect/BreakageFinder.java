package org.breakwater.deployday.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.breakwater.traffic.StatusCount;

/**
 * The detector's judgement, pure: the calls by status class before a cut-over (the baseline)
 * and after it, per caller and operation, against a {@link DetectionPolicy}. Buckets are taken in
 * time order whatever order the log had, so a clock that went backwards changes nothing but its
 * own bucket. An unknown caller's breakages are one (a burst from one script is one incident);
 * unmatched paths the old description did not have either are counted together per caller.
 */
public final class BreakageFinder {
    /** Unmatched paths neither description has, counted together per caller. */
    public static final String OTHER_PATHS = "(paths the description does not have)";
    static final Duration BUCKET = Duration.ofMinutes(1);

    private final DetectionPolicy policy;

    public BreakageFinder(DetectionPolicy policy) {
        this.policy = policy;
    }

    private record Pair(String caller, boolean known, String operation, boolean removed) {
    }

    private static final class Rate {
        long calls;
        long errors;
        long client;
        long server;

        void add(StatusCount c) {
            calls += c.calls();
            errors += c.errors();
            client += c.clientErrors();
            server += c.serverErrors();
        }

        double ratio() {
            return calls == 0 ? 0 : (double) errors / calls;
        }
    }

    /**
     * @param removed for an unmatched call after the cut-over ("? METHOD /path"), the key of the
     *                operation the description before had for it, if any
     * @param newest  the newest bucket seen for the service (anyone calling), for silence
     */
    public List<Breakage> find(Instant cut, List<StatusCount> before, List<StatusCount> after,
                               Function<String, Optional<String>> removed, Instant newest) {
        Map<String, Rate> baseline = new HashMap<>();
        Map<String, Rate> byCaller = new LinkedHashMap<>();
        for (StatusCount c : before) {
            baseline.computeIfAbsent(c.caller() + "\n" + c.operation(), k -> new Rate()).add(c);
            if (c.known()) {
                byCaller.computeIfAbsent(c.caller(), k -> new Rate()).add(c);
            }
        }
        Map<Pair, List<StatusCount>> pairs = new LinkedHashMap<>();
        java.util.Set<String> callersAfter = new java.util.HashSet<>();
        List<StatusCount> ordered = new ArrayList<>(after);
        ordered.sort(Comparator.comparing(StatusCount::bucket));
        for (StatusCount c : ordered) {
            callersAfter.add(c.caller());
            String op = c.operation();
            boolean gone = false;
            if (op.startsWith("? ")) {
                Optional<String> old = removed.apply(op);
                gone = old.isPresent();
                op = old.orElse(OTHER_PATHS);
            }
            pairs.computeIfAbsent(new Pair(c.caller(), c.known(), op, gone), k -> new ArrayList<>()).add(c);
        }
        List<Breakage> found = new ArrayList<>();
        pairs.forEach((p, counts) -> judge(p, counts, baseline.get(p.caller() + "\n" + p.operation()))
                .ifPresent(found::add));
        List<Breakage> out = onePerUnknownCaller(found);
        byCaller.forEach((caller, rate) -> {
            Instant quietUntil = cut.plus(policy.silentAfter());
            if (rate.calls >= policy.minCalls() && !callersAfter.contains(caller) && !newest.isBefore(quietUntil)) {
                out.add(new Breakage(Breakage.Kind.SILENT, caller, true, "(every operation)", 0, 0, "", 0, cut,
                        quietUntil, 0));
            }
        });
        return out;
    }

    private Optional<Breakage> judge(Pair p, List<StatusCount> counts, Rate base) {
        double before = base == null ? 0 : base.ratio();
        Rate after = new Rate();
        Instant detected = null;
        Instant since = null;
        for (StatusCount c : counts) {
            after.add(c);
            if (since == null && (c.errors() > 0 || p.removed())) {
                since = c.bucket();
            }
            if (detected == null && after.calls >= policy.minCalls() && (p.removed()
                    || after.ratio() >= policy.errorRatio() && after.ratio() - before >= policy.rise())) {
                detected = c.bucket().plus(BUCKET);
            }
        }
        if (detected == null) {
            return Optional.empty();
        }
        String cls = after.client > 0 && after.server > 0 ? "4xx/5xx" : after.client > 0 ? "4xx"
                : after.server > 0 ? "5xx" : "";
        return Optional.of(new Breakage(p.removed() ? Breakage.Kind.REMOVED : Breakage.Kind.FAILING, p.caller(),
                p.known(), p.operation(), after.calls, after.errors, cls, before, since == null ? counts.get(0).bucket()
                : since, detected, 0));
    }

    /** An unknown caller's breakages as one: the earliest detected, counting the others. */
    private static List<Breakage> onePerUnknownCaller(List<Breakage> found) {
        List<Breakage> out = new ArrayList<>();
        Map<String, List<Breakage>> unknown = new LinkedHashMap<>();
        for (Breakage b : found) {
            if (b.known()) {
                out.add(b);
            } else {
                unknown.computeIfAbsent(b.caller(), k -> new ArrayList<>()).add(b);
            }
        }
        unknown.forEach((caller, list) -> {
            list.sort(Comparator.comparing(Breakage::detectedAt));
            Breakage first = list.get(0);
            Instant since = list.stream().map(Breakage::since).min(Comparator.naturalOrder()).orElseThrow();
            out.add(new Breakage(first.kind(), caller, false, first.operation(), first.calls(), first.errors(),
                    first.errorClass(), first.before(), since, first.detectedAt(), list.size() - 1));
        });
        return out;
    }
}
