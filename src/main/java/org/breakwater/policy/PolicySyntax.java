package org.breakwater.policy;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.breakwater.apidiff.spec.ScalarNode;

/**
 * The small languages inside a policy's values: durations ({@code 14d}), days
 * ({@code Mon-Fri}), times ({@code 18:00}), zones, dates, addresses. Each reads one scalar,
 * reports what is wrong with it at the scalar's place, and returns empty then.
 */
final class PolicySyntax {
    static final String DURATION_FORM = "write a whole number and a unit m, h, d or w: 30m, 4h, 14d, 2w";
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})([mhdw])");
    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)");
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Duration LONGEST = Duration.ofDays(3650);

    private final PolicyText text;

    PolicySyntax(PolicyText text) {
        this.text = text;
    }

    /** A duration as {@code 30m}, {@code 4h}, {@code 14d} or {@code 2w}. */
    Optional<Duration> duration(ScalarNode s, String name) {
        if (s.kind() != ScalarNode.Kind.STRING) {
            return fail(s, name + " must be a duration, not " + PolicyFields.describe(s) + "; " + DURATION_FORM);
        }
        String written = s.text().strip();
        Matcher m = DURATION.matcher(written);
        if (!m.matches()) {
            return fail(s, name + ": '" + PolicyText.printable(s.text()) + "' is not a duration"
                    + (written.startsWith("-") ? " (durations cannot be negative)" : "") + "; " + DURATION_FORM);
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(n * 7);
        };
        if (d.compareTo(LONGEST) > 0) {
            return fail(s, name + ": " + written + " is longer than ten years; " + DURATION_FORM);
        }
        return Optional.of(d);
    }

    /** A duration the way the policy file writes it: weeks as days, {@code 14d}. */
    static String format(Duration d) {
        if (d.toMinutes() % (24 * 60) == 0) {
            return d.toDays() + "d";
        }
        return d.toMinutes() % 60 == 0 ? d.toHours() + "h" : d.toMinutes() + "m";
    }

    /** A date as YYYY-MM-DD. */
    Optional<LocalDate> date(ScalarNode s, String name) {
        try {
            return Optional.of(LocalDate.parse(s.text().strip()));
        } catch (DateTimeParseException e) {
            return fail(s, name + ": '" + PolicyText.printable(s.text()) + "' is not a date; write YYYY-MM-DD, e.g. 2014-06-12");
        }
    }

    /** An http or https address (the meeting minutes). */
    Optional<String> webAddress(ScalarNode s, String name) {
        try {
            URI uri = new URI(s.text().strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return Optional.of(s.text().strip());
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        return fail(s, name + ": '" + PolicyText.printable(s.text()) + "' is not a web address (http:// or https://)");
    }

    /** A mailing-list address, list@host.domain. */
    Optional<String> mailingList(ScalarNode s, String name) {
        if (ADDRESS.matcher(s.text().strip()).matches()) {
            return Optional.of(s.text().strip());
        }
        return fail(s, name + ": '" + PolicyText.printable(s.text()) + "' is not a mailing-list address (name@host)");
    }

    /** One word of a value and where it starts in the value's text. */
    record Word(String text, int index) {
    }

    /** The words of a scalar's text, split at white space. */
    static List<Word> words(ScalarNode s) {
        List<Word> words = new ArrayList<>();
        Matcher m = WORD.matcher(s.text());
        while (m.find()) {
            words.add(new Word(m.group(), m.start()));
        }
        return words;
    }

    /** Splits a word at {@code separator}, keeping where each part starts. */
    static List<Word> split(Word w, char separator) {
        List<Word> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= w.text().length(); i++) {
            if (i == w.text().length() || w.text().charAt(i) == separator) {
                parts.add(new Word(w.text().substring(from, i), w.index() + from));
                from = i + 1;
            }
        }
        return parts;
    }

    /** One day: Monday or Mon, any case. */
    Optional<DayOfWeek> day(ScalarNode s, Word w, String name) {
        String upper = w.text().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equals(upper) || d.name().substring(0, 3).equals(upper)) {
                return Optional.of(d);
            }
        }
        return fail(s, w, name + ": '" + PolicyText.printable(w.text())
                + "' is not a day of the week (Monday to Sunday, or Mon to Sun)");
    }

    /**
     * Days as {@code Mon-Fri}, {@code Mon,Wed,Fri} or both ({@code Mon-Wed,Fri}); a range may
     * wrap past Sunday ({@code Sun-Thu}).
     */
    Optional<Set<DayOfWeek>> days(ScalarNode s, Word spec, String name) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        boolean ok = true;
        for (Word part : split(spec, ',')) {
            List<Word> ends = split(part, '-');
            if (ends.size() > 2 || part.text().isEmpty()) {
                return fail(s, spec, name + ": '" + PolicyText.printable(spec.text())
                        + "' is not a set of days; write Mon-Fri or Mon,Wed,Fri");
            }
            Optional<DayOfWeek> from = day(s, ends.get(0), name);
            Optional<DayOfWeek> to = ends.size() == 2 ? day(s, ends.get(1), name) : from;
            if (from.isEmpty() || to.isEmpty()) {
                ok = false;
                continue;
            }
            DayOfWeek d = from.get();
            days.add(d);
            while (d != to.get()) {
                d = d.plus(1);
                days.add(d);
            }
        }
        return ok ? Optional.of(days) : Optional.empty();
    }

    /** A time of day, HH:MM on the 24-hour clock. */
    Optional<LocalTime> time(ScalarNode s, Word w, String name) {
        Matcher m = TIME.matcher(w.text());
        if (m.matches()) {
            return Optional.of(LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
        return fail(s, w, name + ": '" + PolicyText.printable(w.text())
                + "' is not a time of day; write HH:MM, 00:00 to 23:59");
    }

    /** A zone: UTC, an offset (+02:00) or a region (Europe/Paris). */
    Optional<ZoneId> zone(ScalarNode s, Word w, String name) {
        try {
            return Optional.of(ZoneId.of(w.text()));
        } catch (DateTimeException e) {
            return fail(s, w, name + ": '" + PolicyText.printable(w.text()) + "' is not a time zone;"
                    + " write UTC, an offset like +02:00 or a region like Europe/Paris");
        }
    }

    private <T> Optional<T> fail(ScalarNode s, Word w, String message) {
        text.at(text.within(s, w.index()), message);
        return Optional.empty();
    }

    private <T> Optional<T> fail(ScalarNode s, String message) {
        text.at(s, message);
        return Optional.empty();
    }
}
