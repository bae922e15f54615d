package org.breakwater.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import org.breakwater.policy.Policy;

/** When the weekly meeting happens, from the policy's {@code meeting.weekly}. */
public final class Occurrences {
    private Occurrences() {
    }

    /** The first occurrence at or after {@code now}. */
    public static ZonedDateTime next(Policy.MeetingRule rule, Instant now) {
        ZonedDateTime local = now.atZone(rule.zone());
        ZonedDateTime candidate = on(rule, local.toLocalDate());
        return candidate.toInstant().isBefore(now) ? on(rule, local.toLocalDate().plusDays(1)) : candidate;
    }

    /** The first occurrence on or after {@code day}. */
    public static ZonedDateTime on(Policy.MeetingRule rule, LocalDate day) {
        LocalDate d = day.with(TemporalAdjusters.nextOrSame(rule.day()));
        return ZonedDateTime.of(d, rule.time(), rule.zone());
    }
}
