package org.breakwater.apidiff.compare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.breakwater.apidiff.report.Finding;
import org.breakwater.apidiff.report.Summary;
import org.breakwater.apidiff.rule.Level;
import org.breakwater.apidiff.rule.Rule;
import org.breakwater.apidiff.spec.Source;

/**
 * Collects findings, dropping exact repeats (one component reached twice from one operation),
 * and keeps at most {@code max} of them: past that, a new finding takes the place of a less
 * severe one, or is only counted. So a report cut short still lists its worst findings, and
 * "is anything breaking?" has the same answer as for the whole list.
 */
final class Findings {
    private final int max;
    private final Budget budget;
    /** The kept findings, one list per level (breaking, warning, info), each in the order found. */
    private final List<List<Finding>> kept = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    private final Set<Finding> seen = new HashSet<>();
    /**
     * Fingerprints of the findings not kept, so a repeat of one is not counted twice; only the
     * first {@value #MAX_REMEMBERED} are remembered (memory stays bounded), so past that a
     * repeat may be counted again.
     */
    private final Set<Long> omittedSeen = new HashSet<>();
    private static final int MAX_REMEMBERED = 100_000;
    private final int[] omitted = new int[3];
    private int size;

    /** The rule a schema change is reported under: its own, or the profile's (see {@link org.breakwater.apidiff.rule.Profile}). */
    private final Function<Change, Rule> judge;

    Findings(int max, Budget budget) {
        this(max, budget, Change::rule);
    }

    Findings(int max, Budget budget, Function<Change, Rule> judge) {
        this.max = max;
        this.budget = budget;
        this.judge = judge;
    }

    void add(Rule rule, String operation, Source source, boolean inOld, String message) {
        budget.step();
        Finding f = new Finding(rule, operation, source, inOld, message);
        if (seen.contains(f) || omittedSeen.contains(fingerprint(f))) {
            return;
        }
        if (size == max) {
            int least = leastSevereKept();
            if (least <= f.level().ordinal()) {
                omit(f);
                return;
            }
            List<Finding> from = kept.get(least);
            Finding out = from.remove(from.size() - 1);
            seen.remove(out);
            size--;
            omit(out);
        }
        seen.add(f);
        kept.get(f.level().ordinal()).add(f);
        size++;
    }

    private int leastSevereKept() {
        for (int level = kept.size() - 1; level >= 0; level--) {
            if (!kept.get(level).isEmpty()) {
                return level;
            }
        }
        return -1;
    }

    private void omit(Finding f) {
        long print = fingerprint(f);
        if (omittedSeen.size() < MAX_REMEMBERED ? omittedSeen.add(print) : !omittedSeen.contains(print)) {
            omitted[f.level().ordinal()]++;
        }
    }

    private static long fingerprint(Finding f) {
        return ((long) f.hashCode() << 32) ^ (f.message().hashCode() & 0xffffffffL)
                ^ ((long) f.source().pointer().hashCode() * 0x9E3779B97F4A7C15L);
    }

    /** Adds schema changes found under {@code where} ("response 200 application/json"). */
    void addAll(List<Change> changes, String operation, String where) {
        for (Change c : changes) {
            String subject = c.path().isEmpty() ? where : where + " `" + c.path() + "`";
            add(judge.apply(c), operation, c.source(), c.inOld(), subject + ": " + c.detail());
        }
    }

    List<Finding> list() {
        List<Finding> all = new ArrayList<>(size);
        kept.forEach(all::addAll);
        return all;
    }

    Summary omitted() {
        return new Summary(omitted[Level.BREAKING.ordinal()], omitted[Level.WARNING.ordinal()],
                omitted[Level.INFO.ordinal()]);
    }
}
