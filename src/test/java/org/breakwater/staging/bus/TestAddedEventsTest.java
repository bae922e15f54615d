package org.breakwater.staging.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.breakwater.announce.OutboxEntry;
import org.breakwater.announce.store.JdbiAnnounceRepository;
import org.breakwater.staging.SecretBox;
import org.breakwater.staging.StagingFixture;
import org.breakwater.staging.SuiteRuns;
import org.breakwater.staging.run.ProcessLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first run of a test added to a suite puts "added an end-to-end test" on the bus, once. */
class TestAddedEventsTest {
    @TempDir
    Path dir;

    @Test
    void a_test_run_for_the_first_time_after_the_suites_first_run_is_announced_once() throws Exception {
        try (StagingFixture fx = new StagingFixture(dir.resolve("store"), Instant.parse("2026-12-04T06:00:00Z"))) {
            Path folder = Files.createDirectories(dir.resolve("suite"));
            fx.app.suites(SecretBox.NONE).add(StagingFixture.suite("pkgdb-e2e", "rm -rf out; mkdir out; NEW=''; if [ -f added ];"
                    + " then NEW=\"<testcase classname='pkgdb' name='branch is master'/>\"; fi; echo \"<testsuite name='e'>"
                    + "<testcase classname='pkgdb' name='lists packages'/>$NEW</testsuite>\" > out/r.xml", folder,
                    Duration.ofMinutes(1)));
            SuiteRuns runs = fx.app.suiteRuns(SecretBox.NONE, ProcessLauncher.standard());
            JdbiAnnounceRepository outbox = new JdbiAnnounceRepository(fx.database().jdbi());
            runs.run("pkgdb-e2e", "schedule");
            assertThat(bus(outbox)).as("the suite's first run adds nothing: its tests were there before").isEmpty();
            runs.run("pkgdb-e2e", "schedule");
            assertThat(bus(outbox)).isEmpty();
            Files.writeString(folder.resolve("added"), "");
            runs.run("pkgdb-e2e", "schedule");
            runs.run("pkgdb-e2e", "schedule");
            assertThat(bus(outbox)).singleElement().satisfies(e -> {
                assertThat(e.destination()).isEqualTo("staging.test.added");
                assertThat(e.subject()).isEqualTo("breakwater.staging.test.added.v1");
                assertThat(e.payload()).contains("\"summary\":\"added an end-to-end test: pkgdb#branch is master in suite"
                        + " pkgdb-e2e\"").contains("\"test\":\"pkgdb#branch is master\"").contains("\"run\":3")
                        .contains("\"author\":null");
            });
        }
    }

    static List<OutboxEntry> bus(JdbiAnnounceRepository outbox) {
        return outbox.outbox(100).stream().filter(e -> e.channel() == OutboxEntry.Channel.BUS).toList();
    }
}
