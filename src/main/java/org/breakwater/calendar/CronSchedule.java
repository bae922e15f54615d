package org.breakwater.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A five-field cron expression ({@code minute hour day-of-month month day-of-week}) read in a
 * time zone. Fields take {@code *}, numbers, ranges {@code a-b}, lists {@code a,b}, steps
 * {@code *}{@code /n} and {@code a-b/n}, month names JAN..DEC and day names SUN..SAT (Sunday is
 * 0 or 7). As in cron, when both day fields are restricted (neither starts with {@code *}) a
 * day matches if either does.
 *
 * <p>Times are wall-clock times in the zone, with cron's rules for daylight-saving changes.
 * When clocks spring forward, a fixed-time expression whose time is skipped fires at the jump,
 * and a wildcard one (minute or hour starting with {@code *}) simply has no firings in the
 * skipped hour. When clocks fall back, a fixed-time expression fires once, in the first pass of
 * the repeated hour, and a wildcard one fires in both passes.
 */
public final class CronSchedule {
    /** How far {@link #next} looks before giving up (29 February needs up to 8 years). */
    static final int SEARCH_YEARS = 10;
    private static final String FIELDS = "minute hour day-of-month month day-of-week";

    private final String expression;
    private final ZoneId zone;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet days;
    private final BitSet months;
    private final BitSet weekdays;
    private final boolean daysRestricted;
    private final boolean weekdaysRestricted;
    /** Minute or hour starts with {@code *}: cron's "wildcard job" for DST changes. */
    private final boolean wildcard;

    private CronSchedule(String expression, ZoneId zone, List<BitSet> fields, boolean daysRestricted,
            boolean weekdaysRestricted, boolean wildcard) {
        this.expression = expression;
        // one spelling of UTC ("UTC", "Z", "Etc/UTC"), so that equal schedules are equal
        this.zone = zone.normalized().equals(ZoneOffset.UTC) ? ZoneOffset.UTC : zone;
        this.minutes = fields.get(0);
        this.hours = fields.get(1);
        this.days = fields.get(2);
        this.months = fields.get(3);
        this.weekdays = fields.get(4);
        this.daysRestricted = daysRestricted;
        this.weekdaysRestricted = weekdaysRestricted;
        this.wildcard = wildcard;
    }

    /** An expression read in UTC. */
    public static CronSchedule parse(String expression) {
        return parse(expression, ZoneOffset.UTC);
    }

    /**
     * @throws IllegalArgumentException naming the field that is wrong and why, e.g.
     *         {@code the minute field '75' of '75 * * * *': 75 is outside 0-59}
     */
    public static CronSchedule parse(String expression, ZoneId zone) {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(zone, "zone");
        String trimmed = expression.trim();
        String[] parts = trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
        if (parts.length != 5) {
            throw new IllegalArgumentException("the cron expression '" + expression + "' has " + parts.length
                    + (parts.length == 1 ? " field" : " fields") + "; it needs 5: " + FIELDS);
        }
        CronField[] fields = CronField.values();
        BitSet[] sets = new BitSet[5];
        for (int i = 0; i < 5; i++) {
            try {
                sets[i] = fields[i].parse(parts[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the " + fields[i].label() + " field '" + parts[i] + "' of '"
                        + String.join(" ", parts) + "': " + e.getMessage(), e);
            }
        }
        return new CronSchedule(String.join(" ", parts), zone, List.of(sets),
                !parts[2].startsWith("*"), !parts[4].startsWith("*"), parts[0].startsWith("*") || parts[1].startsWith("*"));
    }

    /** The same expression read in another zone. */
    public CronSchedule inZone(ZoneId other) {
        return new CronSchedule(expression, other, List.of(minutes, hours, days, months, weekdays),
                daysRestricted, weekdaysRestricted, wildcard);
    }

    /** The expression, its fields separated by single spaces. */
    public String expression() {
        return expression;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The first firing strictly after {@code after}, if there is one within {@value #SEARCH_YEARS} years. */
    public Optional<Instant> next(Instant after) {
        // start early enough that a time moved by a DST change (at most 3 hours anywhere) is seen
        LocalDateTime t = LocalDateTime.ofInstant(after, zone).truncatedTo(ChronoUnit.MINUTES).minusHours(3);
        LocalDateTime limit = t.plusYears(SEARCH_YEARS);
        Instant best = null;
        LocalDateTime stop = limit;
        boolean settling = false;
        while (t.isBefore(stop)) {
            if (!months.get(t.getMonthValue())) {
                t = t.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay();
            } else if (!dayMatches(t.toLocalDate())) {
                t = t.toLocalDate().plusDays(1).atStartOfDay();
            } else if (!hours.get(t.getHour())) {
                int hour = hours.nextSetBit(t.getHour());
                t = hour < 0 ? t.toLocalDate().plusDays(1).atStartOfDay() : t.toLocalDate().atTime(hour, 0);
            } else if (!minutes.get(t.getMinute())) {
                int minute = minutes.nextSetBit(t.getMinute());
                t = minute < 0 ? t.truncatedTo(ChronoUnit.HOURS).plusHours(1) : t.withMinute(minute);
            } else {
                for (Instant firing : firings(t)) {
                    if (firing.isAfter(after) && (best == null || firing.isBefore(best))) {
                        best = firing;
                    }
                }
                if (best != null && !settling) {
                    if (!nearTransition(best)) {
                        return Optional.of(best);
                    }
                    // near a DST change wall-clock order is not instant order: look 3 hours further
                    settling = true;
                    stop = t.plusHours(3);
                }
                t = t.plusMinutes(1);
            }
        }
        return Optional.ofNullable(best);
    }

    /** The instants at which the wall-clock minute {@code local}, which matches, fires. */
    private List<Instant> firings(LocalDateTime local) {
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            // skipped by a spring-forward change
            return wildcard ? List.of() : List.of(zone.getRules().getTransition(local).getInstant());
        }
        if (offsets.size() == 2 && wildcard) {
            // repeated by a fall-back change
            return List.of(local.toInstant(offsets.get(0)), local.toInstant(offsets.get(1)));
        }
        return List.of(local.toInstant(offsets.get(0)));
    }

    private boolean nearTransition(Instant instant) {
        ZoneOffsetTransition next = zone.getRules().nextTransition(instant.minus(4, ChronoUnit.HOURS));
        return next != null && next.getInstant().isBefore(instant.plus(4, ChronoUnit.HOURS));
    }

    private boolean dayMatches(LocalDate date) {
        boolean day = days.get(date.getDayOfMonth());
        boolean weekday = weekdays.get(date.getDayOfWeek().getValue() % 7);
        if (daysRestricted && weekdaysRestricted) {
            return day || weekday;
        }
        return day && weekday;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CronSchedule c && c.expression.equals(expression) && c.zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(expression, zone);
    }

    @Override
    public String toString() {
        return expression + " (" + zone.getId() + ")";
    }
}
