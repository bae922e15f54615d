package org.breakwater.calendar.files;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.breakwater.apidiff.spec.ArrayNode;
import org.breakwater.apidiff.spec.Node;
import org.breakwater.apidiff.spec.ObjectNode;
import org.breakwater.apidiff.spec.ScalarNode;
import org.breakwater.calendar.CronSchedule;
import org.breakwater.calendar.RecurringWindow;
import org.breakwater.calendar.ReleaseCalendar;
import org.breakwater.calendar.Window;
import org.breakwater.calendar.WindowKind;

/** One pass over a calendar file's tree that collects every problem, each at its node. */
final class CalendarYamlReader {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})([wdhms])");
    private static final Set<String> TOP = Set.of("windows", "recurring");
    private static final Set<String> WINDOW = Set.of("name", "kind", "start", "end", "source");
    private static final Set<String> RECURRING = Set.of("name", "kind", "cron", "duration", "zone");

    private final String file;
    private final List<CalendarProblem> problems = new ArrayList<>();

    CalendarYamlReader(String file) {
        this.file = file;
    }

    ReleaseCalendar read(Node root) throws CalendarException {
        List<Window> windows = new ArrayList<>();
        List<RecurringWindow> recurring = new ArrayList<>();
        if (!(root instanceof ObjectNode top)) {
            problem(root, "a calendar file is a mapping with 'windows' and 'recurring', not " + root.kindName());
            throw new CalendarException(problems);
        }
        unknownKeys(top, TOP, "the calendar");
        for (ObjectNode n : items(top, "windows")) {
            window(n).ifPresent(windows::add);
        }
        for (ObjectNode n : items(top, "recurring")) {
            recurring(n).ifPresent(recurring::add);
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(CalendarProblem::line).thenComparingInt(CalendarProblem::column));
            throw new CalendarException(problems);
        }
        return new ReleaseCalendar(windows, recurring);
    }

    private List<ObjectNode> items(ObjectNode top, String key) {
        Optional<Node> section = top.get(key);
        List<ObjectNode> found = new ArrayList<>();
        if (section.isEmpty() || (section.get() instanceof ScalarNode s && s.kind() == ScalarNode.Kind.NULL)) {
            return found;
        }
        if (!(section.get() instanceof ArrayNode list)) {
            problem(section.get(), "'" + key + "' must be a list, not " + section.get().kindName());
            return found;
        }
        for (Node item : list.items()) {
            if (item instanceof ObjectNode o) {
                found.add(o);
            } else {
                problem(item, "an entry of '" + key + "' must be a mapping, not " + item.kindName());
            }
        }
        return found;
    }

    private Optional<Window> window(ObjectNode n) {
        unknownKeys(n, WINDOW, "a window");
        Optional<String> name = text(n, "name", true);
        Optional<WindowKind> kind = kind(n);
        Optional<Instant> start = instant(n, "start");
        Optional<Instant> end = instant(n, "end");
        Optional<String> source = text(n, "source", false);
        if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
            problem(n.get("end").orElseThrow(), "end " + text(n, "end", false).orElse("") + " is not after start "
                    + text(n, "start", false).orElse(""));
            return Optional.empty();
        }
        if (name.isEmpty() || kind.isEmpty() || start.isEmpty() || end.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Window(name.get(), kind.get(), start.get(), end.get(), source));
    }

    private Optional<RecurringWindow> recurring(ObjectNode n) {
        unknownKeys(n, RECURRING, "a recurring window");
        Optional<String> name = text(n, "name", true);
        Optional<WindowKind> kind = kind(n);
        Optional<Duration> length = duration(n);
        ZoneId zone = ZoneOffset.UTC;
        Optional<String> zoneText = text(n, "zone", false);
        if (zoneText.isPresent()) {
            try {
                zone = ZoneId.of(zoneText.get());
            } catch (DateTimeException e) {
                problem(n.get("zone").orElseThrow(), "unknown time zone '" + zoneText.get()
                        + "' (use a name such as Europe/Prague or America/New_York)");
                zoneText = Optional.empty();
            }
        }
        Optional<String> cron = text(n, "cron", true);
        Optional<CronSchedule> schedule = Optional.empty();
        if (cron.isPresent()) {
            try {
                schedule = Optional.of(CronSchedule.parse(cron.get(), zone));
            } catch (IllegalArgumentException e) {
                problem(n.get("cron").orElseThrow(), e.getMessage());
            }
        }
        if (name.isEmpty() || kind.isEmpty() || length.isEmpty() || schedule.isEmpty()
                || (n.has("zone") && zoneText.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new RecurringWindow(name.get(), kind.get(), schedule.get(), length.get()));
    }

    private Optional<WindowKind> kind(ObjectNode n) {
        Optional<String> text = text(n, "kind", true);
        Optional<WindowKind> kind = text.flatMap(WindowKind::fromId);
        if (text.isPresent() && kind.isEmpty()) {
            problem(n.get("kind").orElseThrow(), "kind must be release or freeze, not '" + text.get() + "'");
        }
        return kind;
    }

    private Optional<Instant> instant(ObjectNode n, String key) {
        Optional<String> text = text(n, key, true);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (text.get().length() == 10) {
                return Optional.of(LocalDate.parse(text.get()).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            return Optional.of(OffsetDateTime.parse(text.get()).toInstant());
        } catch (DateTimeException e) {
            problem(n.get(key).orElseThrow(), key + " '" + text.get() + "' is not a date (2014-11-25) or an instant"
                    + " (2014-11-25T14:00:00Z)");
            return Optional.empty();
        }
    }

    private Optional<Duration> duration(ObjectNode n) {
        Optional<String> text = text(n, "duration", true);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Duration d = Duration.ZERO;
        Matcher m = DURATION.matcher(text.get());
        int at = 0;
        while (m.find() && m.start() == at) {
            long amount = Long.parseLong(m.group(1));
            d = d.plus(switch (m.group(2)) {
                case "w" -> Duration.ofDays(7 * amount);
                case "d" -> Duration.ofDays(amount);
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            });
            at = m.end();
        }
        if (at == 0 || at != text.get().length() || d.isZero()) {
            problem(n.get("duration").orElseThrow(), "duration '" + text.get() + "' is not a length such as 30m, 4h,"
                    + " 2d, 1w or 1h30m" + (d.isZero() && at == text.get().length() ? " longer than 0" : ""));
            return Optional.empty();
        }
        return Optional.of(d);
    }

    /** The text of a scalar field; a missing required field, or a non-scalar, is a problem. */
    private Optional<String> text(ObjectNode n, String key, boolean required) {
        Optional<Node> value = n.get(key);
        if (value.isEmpty()) {
            if (required) {
                problem(n, "'" + key + "' is missing");
            }
            return Optional.empty();
        }
        if (!(value.get() instanceof ScalarNode s) || s.kind() == ScalarNode.Kind.NULL || s.text().isBlank()) {
            problem(value.get(), "'" + key + "' must be a text, not " + (value.get() instanceof ScalarNode s2
                    && s2.kind() == ScalarNode.Kind.STRING ? "empty" : value.get().kindName()));
            return Optional.empty();
        }
        return Optional.of(s.text());
    }

    private void unknownKeys(ObjectNode n, Set<String> allowed, String what) {
        for (var e : n.fields().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                problem(e.getValue(), "unknown key '" + e.getKey() + "' in " + what + " (known: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    private void problem(Node at, String message) {
        problems.add(new CalendarProblem(file, at.line(), at.column(), message));
    }
}
