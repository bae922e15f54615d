package org.breakwater.deployday.detect;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.util.List;
import org.breakwater.logs.LogCapture;
import org.junit.jupiter.api.Test;

/** The detector's tick inside serve: what it opened is logged, and a failing run does not stop the timer. */
class DetectJobTest {
    @Test
    void a_tick_logs_each_incident_opened_and_a_failing_run_is_logged_and_survived() {
        try (LogCapture log = LogCapture.of(DetectJob.class.getName(), Level.INFO)) {
            DetectJob.tick(() -> List.of("incident 3 opened: bodhi-pkgdb-client: GET /acls/name/{package} 4xx"));
            DetectJob.tick(() -> {
                throw new IllegalStateException("the store went away");
            });
            assertThat(log.messages()).anySatisfy(m -> assertThat(m).contains("incident 3 opened: bodhi-pkgdb-client"))
                    .anySatisfy(m -> assertThat(m).contains("the breakage detector failed, tried again in 60 s")
                            .contains("the store went away"));
        }
    }
}
