package org.breakwater.staging;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A suite's schedule: a five-field Unix cron expression ({@code minute hour day-of-month month
 * day-of-week}, read by cron-utils) in a time zone, so "0 6 * * *" in Europe/Paris is six in the
 * morning in Paris, summer and winter.
 */
public final class SuiteSchedule {
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private SuiteSchedule() {
    }

    /** Why {@code cron} is not a schedule, if it is not one. */
    public static Optional<String> problem(String cron) {
        try {
            PARSER.parse(cron).validate();
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("'" + cron + "' is not a cron expression (minute hour day month weekday, e.g. '0 6 * * *'"
                    + " for 06:00 daily): " + e.getMessage());
        }
    }

    /** The first time after {@code after} the schedule names. */
    public static Instant next(String cron, ZoneId zone, Instant after) {
        ZonedDateTime from = after.atZone(zone);
        return ExecutionTime.forCron(PARSER.parse(cron)).nextExecution(from).map(ZonedDateTime::toInstant)
                .orElseThrow(() -> new IllegalArgumentException("'" + cron + "' is never due"));
    }
}
