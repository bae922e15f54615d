package org.breakwater.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The start must not fall inside a release or within {@code gap} after it ends: the start is
 * outside [release.start, release.end + gap) for every release.
 *
 * @param releases kept in order of start
 */
public record AfterRelease(List<Window> releases, Duration gap) implements Constraint {
    public AfterRelease {
        Objects.requireNonNull(gap, "gap");
        if (gap.isNegative()) {
            throw new IllegalArgumentException("the gap after a release must not be negative: " + gap);
        }
        List<Window> sorted = new ArrayList<>(releases);
        sorted.sort(Comparator.comparing(Window::start).thenComparing(Window::end));
        releases = List.copyOf(sorted);
    }

    @Override
    public String name() {
        return "at least " + TimeText.duration(gap) + " after a release";
    }

    @Override
    public Optional<Instant> earliest(Instant candidate, Duration length) {
        // one pass in order of start is enough, as in OutsideWindows
        Instant t = candidate;
        for (Window r : releases) {
            if (blocks(r, t)) {
                t = r.end().plus(gap);
            }
        }
        return Optional.of(t);
    }

    private boolean blocks(Window release, Instant start) {
        return !start.isBefore(release.start()) && start.isBefore(release.end().plus(gap));
    }

    @Override
    public String explain(Instant start, Duration length) {
        Window last = null;
        for (Window r : releases) {
            if (blocks(r, start)) {
                return describe(r) + ": the start falls within " + TimeText.duration(gap) + " of its end";
            }
            if (!r.end().isAfter(start) && (last == null || r.end().isAfter(last.end()))) {
                last = r;
            }
        }
        if (last == null) {
            return "no release comes before the start";
        }
        return describe(last) + ": the start comes " + TimeText.duration(Duration.between(last.end(), start))
                + " after its end, at least " + TimeText.duration(gap) + " needed";
    }

    private static String describe(Window r) {
        return r.name() + " runs " + TimeText.range(r.start(), r.end());
    }
}
