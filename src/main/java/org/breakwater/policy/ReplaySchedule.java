package org.breakwater.policy;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import java.util.Optional;
import org.breakwater.apidiff.spec.ScalarNode;

/**
 * {@code staging.replaySchedule}: when {@code serve} replays each open plan's sampled production
 * calls (docs/staging.md, Replay): a five-field cron expression read in UTC by cron-utils (the
 * suites' schedule reads them the same way), or {@code off}. Absent: daily at 06:00 UTC when
 * {@code staging.replay} is on. A schedule without {@code replay: true} is refused: it would
 * replay for a gate that does not exist.
 */
final class ReplaySchedule {
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private ReplaySchedule() {
    }

    static Optional<String> read(PolicyFields staging, boolean replay) {
        Optional<ScalarNode> written = staging.optionalString("replaySchedule",
                "a cron expression (minute hour day month weekday, in UTC) or off");
        if (written.isEmpty()) {
            return replay ? Optional.of(Policy.StagingRule.DAILY_REPLAY) : Optional.empty();
        }
        String cron = written.get().text().strip();
        if (cron.equals("off")) {
            return Optional.empty();
        }
        if (!replay) {
            staging.text().at(written.get(), staging.name("replaySchedule") + " needs staging.replay: true (or write off)");
            return Optional.empty();
        }
        try {
            PARSER.parse(cron).validate();
        } catch (IllegalArgumentException e) {
            staging.text().at(written.get(), staging.name("replaySchedule") + ": '" + cron + "' is not a cron expression"
                    + " (minute hour day month weekday, e.g. '0 6 * * *' for 06:00 UTC daily) or off: " + e.getMessage());
            return Optional.empty();
        }
        return Optional.of(cron);
    }
}
