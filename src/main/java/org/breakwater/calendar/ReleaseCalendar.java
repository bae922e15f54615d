package org.breakwater.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The releases and freezes that planned deployments must respect: fixed windows and recurring ones. */
public record ReleaseCalendar(List<Window> windows, List<RecurringWindow> recurring) {
    /**
     * The longest span one look at the calendar covers; a longer one (a plan stored with an absurd
     * duration by an older version) is cut to it, so every walk over recurring windows is bounded.
     */
    public static final Duration MAX_SPAN = Duration.ofDays(10 * 366);
    private static final Comparator<Window> ORDER = Comparator.comparing(Window::start)
            .thenComparing(Window::end).thenComparing(Window::kind).thenComparing(Window::name);

    public ReleaseCalendar {
        windows = List.copyOf(windows);
        recurring = List.copyOf(recurring);
    }

    public static ReleaseCalendar empty() {
        return new ReleaseCalendar(List.of(), List.of());
    }

    /**
     * Every window, fixed or recurring, that overlaps [from, to), in order of start; a range longer
     * than {@link #MAX_SPAN} is looked at only for its first {@link #MAX_SPAN}.
     */
    public List<Window> between(Instant from, Instant to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends (" + to + ") before it starts (" + from + ")");
        }
        Instant end = Duration.between(from, to).compareTo(MAX_SPAN) > 0 ? from.plus(MAX_SPAN) : to;
        List<Window> found = new ArrayList<>();
        for (Window w : windows) {
            if (w.overlaps(from, to)) {
                found.add(w);
            }
        }
        for (RecurringWindow r : recurring) {
            found.addAll(r.occurrences(from, end));
        }
        found.sort(ORDER);
        return List.copyOf(found);
    }

    /** The freezes that overlap [from, to), in order of start. */
    public List<Window> freezesOverlapping(Instant from, Instant to) {
        return between(from, to).stream().filter(w -> w.kind() == WindowKind.FREEZE).toList();
    }

    /** The releases that overlap [from, to), in order of start. */
    public List<Window> releases(Instant from, Instant to) {
        return between(from, to).stream().filter(w -> w.kind() == WindowKind.RELEASE).toList();
    }

    /** This calendar with {@code more} windows added (an import). */
    public ReleaseCalendar plus(List<Window> more) {
        List<Window> all = new ArrayList<>(windows);
        all.addAll(more);
        return new ReleaseCalendar(all, recurring);
    }
}
