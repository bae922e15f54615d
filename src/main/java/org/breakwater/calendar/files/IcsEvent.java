package org.breakwater.calendar.files;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.breakwater.calendar.Window;
import org.breakwater.calendar.WindowKind;
import org.breakwater.calendar.files.IcsLines.ContentLine;

/** One VEVENT with its values read: when it starts, how long it lasts, how it recurs. */
record IcsEvent(int line, Optional<String> uid, String summary, List<String> categories, IcsValues.Time start,
        IcsValues.Length length, Optional<RecurrenceRule> rule, List<IcsValues.Time> extraDates,
        List<IcsValues.Time> exceptions, Optional<Instant> recurrenceId, boolean cancelled) {
    /** Most occurrences one event expands to before the horizon; more are left out with a warning. */
    static final int MAX_OCCURRENCES = 10_000;
    private static final Set<String> SINGLE = Set.of("UID", "SUMMARY", "DTSTART", "DTEND", "DURATION", "RRULE",
            "RECURRENCE-ID", "STATUS");

    IcsEvent {
        categories = List.copyOf(categories);
        extraDates = List.copyOf(extraDates);
        exceptions = List.copyOf(exceptions);
    }

    /** The event of these properties, or empty (with a warning) if it has no start or lasts no time. */
    static Optional<IcsEvent> read(int line, List<ContentLine> properties, String file, List<String> warnings)
            throws CalendarException {
        TreeMap<String, List<ContentLine>> byName = new TreeMap<>();
        for (ContentLine p : properties) {
            List<ContentLine> same = byName.computeIfAbsent(p.name(), k -> new ArrayList<>());
            if (!same.isEmpty() && SINGLE.contains(p.name())) {
                throw new CalendarException(file, p.line(), p.name() + " appears twice in the event begun at line " + line);
            }
            same.add(p);
        }
        Optional<String> uid = first(byName, "UID").map(p -> IcsValues.text(p.value()));
        String summary = first(byName, "SUMMARY").map(p -> IcsValues.text(p.value())).orElse("");
        String label = summary.isBlank() ? "the event" : "'" + summary + "'";
        // every value is read before anything is skipped: a malformed value is an error wherever it is
        Optional<IcsValues.Time> start = time(byName, "DTSTART", file);
        Optional<IcsValues.Time> end = time(byName, "DTEND", file);
        Optional<ContentLine> duration = first(byName, "DURATION");
        if (end.isPresent() && duration.isPresent()) {
            throw new CalendarException(file, duration.get().line(), "an event has DTEND or DURATION, not both");
        }
        Optional<IcsValues.Length> nominal = duration.isPresent()
                ? Optional.of(IcsValues.length(duration.get(), file)) : Optional.empty();
        Optional<RecurrenceRule> rule = first(byName, "RRULE").isPresent()
                ? Optional.of(RecurrenceRule.parse(first(byName, "RRULE").get(), file)) : Optional.empty();
        Optional<Instant> recurrenceId = time(byName, "RECURRENCE-ID", file).map(t -> t.value().toInstant());
        List<IcsValues.Time> extraDates = all(byName, "RDATE", file);
        List<IcsValues.Time> exceptions = all(byName, "EXDATE", file);
        List<String> categories = new ArrayList<>();
        for (ContentLine c : byName.getOrDefault("CATEGORIES", List.of())) {
            categories.addAll(IcsValues.texts(c.value()));
        }
        boolean cancelled = first(byName, "STATUS").map(s -> s.value().equalsIgnoreCase("CANCELLED")).orElse(false);

        if (start.isEmpty()) {
            warnings.add(file + ":" + line + ": " + label + " has no DTSTART, skipped");
            return Optional.empty();
        }
        if (end.isPresent() && end.get().value().isBefore(start.get().value())) {
            warnings.add(file + ":" + first(byName, "DTEND").orElseThrow().line() + ": " + label
                    + " ends before it starts, skipped");
            return Optional.empty();
        }
        IcsValues.Length length = end.map(e -> new IcsValues.Length(0, Duration.between(start.get().value(), e.value())))
                .or(() -> nominal)
                .orElse(new IcsValues.Length(start.get().date() ? 1 : 0, Duration.ZERO));
        if (length.isZero()) {
            warnings.add(file + ":" + line + ": " + label + " lasts no time (no DTEND or DURATION), skipped");
            return Optional.empty();
        }
        return Optional.of(new IcsEvent(line, uid, summary, categories, start.get(), length, rule, extraDates,
                exceptions, recurrenceId, cancelled));
    }

    private static Optional<IcsValues.Time> time(TreeMap<String, List<ContentLine>> byName, String name, String file)
            throws CalendarException {
        Optional<ContentLine> p = first(byName, name);
        return p.isPresent() ? Optional.of(IcsValues.time(p.get(), file)) : Optional.empty();
    }

    private static Optional<ContentLine> first(TreeMap<String, List<ContentLine>> byName, String name) {
        return byName.getOrDefault(name, List.of()).stream().findFirst();
    }

    private static List<IcsValues.Time> all(TreeMap<String, List<ContentLine>> byName, String name, String file)
            throws CalendarException {
        List<IcsValues.Time> times = new ArrayList<>();
        for (ContentLine p : byName.getOrDefault(name, List.of())) {
            times.addAll(IcsValues.times(p, file));
        }
        return times;
    }

    /**
     * The windows of this event: its own, or one per occurrence starting before
     * {@code horizon}, less the exception dates and the occurrences that other events of the
     * same UID replace ({@code replaced}).
     */
    List<Window> windows(WindowKind kind, String file, Instant horizon, Set<Instant> replaced, List<String> warnings) {
        List<ZonedDateTime> starts = new ArrayList<>();
        if (rule.isPresent() && !rule.get().unsupported().isEmpty()) {
            warnings.add(file + ":" + line + ": '" + summary + "' recurs by " + String.join(";", rule.get().unsupported())
                    + ", which Breakwater does not read; only its first occurrence is used");
            starts.add(start.value());
        } else if (rule.isPresent()) {
            starts.addAll(rule.get().starts(start.value(), start.date(), horizon, MAX_OCCURRENCES));
            if (starts.size() > MAX_OCCURRENCES) {
                warnings.add(file + ":" + line + ": '" + summary + "' recurs more than " + MAX_OCCURRENCES
                        + " times before the horizon; only the first " + MAX_OCCURRENCES + " are used");
                starts.subList(MAX_OCCURRENCES, starts.size()).clear();
            }
        } else {
            starts.add(start.value());
        }
        for (IcsValues.Time d : extraDates) {
            starts.add(d.value());
        }
        Optional<String> source = Optional.of(file + uid.map(u -> " " + u).orElse(":" + line));
        String name = summary.isBlank() ? uid.orElse("untitled event at line " + line) : summary;
        TreeMap<Instant, Window> windows = new TreeMap<>();
        for (ZonedDateTime s : starts) {
            if (!excluded(s) && (recurrenceId.isPresent() || !replaced.contains(s.toInstant()))) {
                windows.put(s.toInstant(), new Window(name, kind, s.toInstant(), length.after(s).toInstant(), source));
            }
        }
        return List.copyOf(windows.values());
    }

    private boolean excluded(ZonedDateTime s) {
        for (IcsValues.Time e : exceptions) {
            boolean same = e.date() ? e.value().toLocalDate().equals(s.toLocalDate()) : e.value().toInstant().equals(s.toInstant());
            if (same) {
                return true;
            }
        }
        return false;
    }
}
