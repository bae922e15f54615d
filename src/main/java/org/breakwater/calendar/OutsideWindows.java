package org.breakwater.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The deployment, from its start for its whole length, must not overlap any of
 * {@code windows} (typically the freezes a frozen service must stay out of).
 *
 * @param windows kept in order of start
 */
public record OutsideWindows(String name, List<Window> windows) implements Constraint {
    public OutsideWindows {
        Objects.requireNonNull(name, "name");
        List<Window> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparing(Window::start).thenComparing(Window::end));
        windows = List.copyOf(sorted);
    }

    @Override
    public Optional<Instant> earliest(Instant candidate, Duration length) {
        // one pass in order of start is enough: a window passed over without moving the start
        // either ended before it or starts after the deployment, and so does every later one
        Instant t = candidate;
        for (Window w : windows) {
            if (w.overlaps(t, t.plus(length)) || w.contains(t)) {
                t = w.end();
            }
        }
        return Optional.of(t);
    }

    @Override
    public String explain(Instant start, Duration length) {
        Instant end = start.plus(length);
        List<String> parts = new ArrayList<>();
        Window before = null;
        Window after = null;
        for (Window w : windows) {
            if (w.overlaps(start, end) || w.contains(start)) {
                parts.add(describe(w) + ": the deployment overlaps it");
            } else if (!w.end().isAfter(start)) {
                before = before == null || w.end().isAfter(before.end()) ? w : before;
            } else if (after == null) {
                after = w;
            }
        }
        if (!parts.isEmpty()) {
            return String.join("; ", parts);
        }
        if (before != null) {
            parts.add(describe(before) + ": the deployment starts after it");
        }
        if (after != null) {
            parts.add(describe(after) + ": the deployment ends before it");
        }
        return parts.isEmpty() ? "there are no windows to stay out of" : String.join("; ", parts);
    }

    private static String describe(Window w) {
        return w.name() + " runs " + TimeText.range(w.start(), w.end());
    }
}
