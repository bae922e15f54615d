package org.breakwater.calendar.files;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.breakwater.calendar.Classifier;
import org.breakwater.calendar.Window;
import org.breakwater.calendar.WindowKind;
import org.breakwater.calendar.files.IcsLines.ContentLine;

/**
 * Reads releases and freezes from an iCalendar file (RFC 5545), as a community calendar
 * exports it. Folded lines, parameters (TZID, VALUE=DATE), UTC and floating times, DURATION,
 * text escapes, RRULE (DAILY, WEEKLY with BYDAY, MONTHLY, YEARLY), RDATE, EXDATE and
 * RECURRENCE-ID are understood; other components (VTIMEZONE, VTODO, VALARM) are passed over,
 * and time zones are taken by their IANA names. A {@link Classifier} decides which events are
 * freezes or releases; the rest are skipped and counted in a warning.
 */
public final class IcsReader {
    /** What was read: the windows in order of start, and what was skipped or guessed, in words. */
    public record Parsed(List<Window> windows, List<String> warnings) {
        public Parsed {
            windows = List.copyOf(windows);
            warnings = List.copyOf(warnings);
        }
    }

    private record RawEvent(int line, List<ContentLine> properties) {
    }

    private IcsReader() {
    }

    /**
     * @param name how the file is named in messages and in each window's source
     * @param horizon recurring events are expanded up to here (occurrences starting before it)
     * @throws CalendarException if the text is not a well-formed iCalendar file or holds a bad value
     */
    public static Parsed read(String text, String name, Classifier classifier, Instant horizon)
            throws CalendarException {
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(horizon, "horizon");
        List<String> warnings = new ArrayList<>();
        List<IcsEvent> events = new ArrayList<>();
        for (RawEvent raw : components(IcsLines.read(text, name), name)) {
            IcsEvent.read(raw.line(), raw.properties(), name, warnings).ifPresent(events::add);
        }
        Map<String, Set<Instant>> replaced = new HashMap<>();
        for (IcsEvent e : events) {
            if (e.uid().isPresent() && e.recurrenceId().isPresent()) {
                replaced.computeIfAbsent(e.uid().get(), k -> new HashSet<>()).add(e.recurrenceId().get());
            }
        }
        List<Window> windows = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int cancelled = 0;
        for (IcsEvent e : events) {
            if (e.cancelled()) {
                cancelled++;
                continue;
            }
            Optional<WindowKind> kind = classifier.classify(e.summary(), e.categories());
            if (kind.isEmpty()) {
                skipped.add(e.summary().isBlank() ? "(no summary)" : e.summary());
                continue;
            }
            Set<Instant> mine = e.uid().map(u -> replaced.getOrDefault(u, Set.of())).orElse(Set.of());
            windows.addAll(e.windows(kind.get(), name, horizon, mine, warnings));
        }
        if (cancelled > 0) {
            warnings.add(name + ": " + count(cancelled) + " cancelled, skipped");
        }
        if (!skipped.isEmpty()) {
            warnings.add(name + ": " + count(skipped.size()) + " neither a release nor a freeze, skipped: "
                    + String.join(", ", skipped));
        }
        windows.sort(Comparator.comparing(Window::start).thenComparing(Window::end).thenComparing(Window::name));
        return new Parsed(windows, warnings);
    }

    private static String count(int n) {
        return n + (n == 1 ? " event" : " events");
    }

    /** Checks the nesting of BEGIN and END, and gathers the properties of each VEVENT (not of its VALARMs). */
    private static List<RawEvent> components(List<ContentLine> lines, String file) throws CalendarException {
        if (lines.isEmpty()) {
            throw new CalendarException(file, 0, "the file is empty; an iCalendar file begins with BEGIN:VCALENDAR");
        }
        ContentLine first = lines.get(0);
        if (!first.name().equals("BEGIN") || !IcsValues.upper(first.value()).equals("VCALENDAR")) {
            throw new CalendarException(file, first.line(), "not an iCalendar file: it must begin with BEGIN:VCALENDAR");
        }
        List<RawEvent> events = new ArrayList<>();
        Deque<ContentLine> open = new ArrayDeque<>();
        RawEvent event = null;
        for (ContentLine l : lines) {
            String value = IcsValues.upper(l.value());
            if (l.name().equals("BEGIN")) {
                if (open.isEmpty() != value.equals("VCALENDAR")) {
                    throw new CalendarException(file, l.line(), open.isEmpty() ? "BEGIN:" + value
                            + " outside a VCALENDAR" : "BEGIN:VCALENDAR inside BEGIN:" + open.peek().value()
                            + " of line " + open.peek().line());
                }
                if (value.equals("VEVENT") && event != null) {
                    throw new CalendarException(file, l.line(), "BEGIN:VEVENT inside the event begun at line "
                            + event.line() + ": END:VEVENT is missing");
                }
                if (value.equals("VEVENT")) {
                    event = new RawEvent(l.line(), new ArrayList<>());
                }
                open.push(l);
            } else if (l.name().equals("END")) {
                if (open.isEmpty()) {
                    throw new CalendarException(file, l.line(), "END:" + value + " without a BEGIN:" + value);
                }
                if (!IcsValues.upper(open.peek().value()).equals(value)) {
                    throw new CalendarException(file, l.line(), "END:" + value + " does not close BEGIN:"
                            + open.peek().value() + " of line " + open.peek().line());
                }
                open.pop();
                if (value.equals("VEVENT")) {
                    events.add(event);
                    event = null;
                }
            } else if (open.isEmpty()) {
                throw new CalendarException(file, l.line(), l.name() + " after END:VCALENDAR");
            } else if (event != null && IcsValues.upper(open.peek().value()).equals("VEVENT")) {
                event.properties().add(l);
            }
        }
        if (event != null) {
            throw new CalendarException(file, event.line(), "the event begun here is never closed:"
                    + " the file ends before END:VEVENT");
        }
        if (!open.isEmpty()) {
            throw new CalendarException(file, open.peek().line(), "BEGIN:" + open.peek().value()
                    + " is never closed: the file ends before END:" + open.peek().value());
        }
        return events;
    }
}
