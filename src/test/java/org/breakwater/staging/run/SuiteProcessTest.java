package org.breakwater.staging.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.breakwater.catalog.Outcome;
import org.breakwater.staging.RunStatus;
import org.breakwater.staging.SecretBox;
import org.breakwater.staging.StagingFixture;
import org.breakwater.staging.StagingSuite;
import org.breakwater.staging.StoredCase;
import org.breakwater.staging.SuiteRun;
import org.breakwater.staging.SuiteRuns;
import org.breakwater.staging.TestStatus;
import org.breakwater.staging.secrets.SecretsKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Suites run as real processes: results read, versions recorded, and every fault the issue names. */
class SuiteProcessTest {
    static final Instant NOW = Instant.parse("2026-12-04T06:00:00Z");
    static final String JUNIT = "mkdir -p out && printf '%s' '<testsuite name=\"e2e\"><testcase classname=\"pkgdb\""
            + " name=\"lists packages\" time=\"0.5\"/><testcase classname=\"pkgdb\" name=\"shows acls\" time=\"1.25\"/>"
            + "</testsuite>' > out/report.xml";

    @TempDir
    Path dir;

    StagingFixture fx;
    SecretBox box;

    @BeforeEach
    void open() throws Exception {
        fx = new StagingFixture(dir.resolve("store"), NOW);
        byte[] key = new byte[32];
        key[0] = 42;
        box = SecretsKey.box(Optional.empty(), Map.of(SecretsKey.VARIABLE, Base64.getEncoder().encodeToString(key)));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    SuiteRun run(String command, Duration timeout, Map<String, String> inherited) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("suite"));
        StagingSuite suite = StagingFixture.suite("pkgdb-e2e", command, folder, timeout);
        assertThat(fx.app.suites(box).add(suite)).isInstanceOf(Outcome.Done.class);
        return run(inherited);
    }

    SuiteRun run(Map<String, String> inherited) {
        Map<String, String> env = new HashMap<>(inherited);
        env.putIfAbsent("PATH", System.getenv("PATH"));
        SuiteRuns runs = fx.app.suiteRuns(box, new ProcessLauncher(dir, Duration.ofSeconds(1), env));
        return ((Outcome.Done<SuiteRun>) runs.run("pkgdb-e2e", "cli")).value();
    }

    @Test
    void a_passing_suite_is_read_into_a_green_run_with_its_cases_and_the_versions_staging_ran() throws Exception {
        fx.deploy("pkgdb", "2.0.0", "staging");
        fx.deploy("pkgdb", "1.9.0", "production");
        SuiteRun r = run("echo running with $SUITE_SETTING; " + JUNIT, Duration.ofMinutes(1), Map.of());
        assertThat(r.status()).as(r.message()).isEqualTo(RunStatus.PASSED);
        assertThat(r.exitCode()).contains(0);
        assertThat(r.versions()).isEqualTo(Map.of("pkgdb", "2.0.0"));
        assertThat(r.tests()).isEqualTo(2);
        assertThat(r.output()).contains("running with on");
        assertThat(fx.app.suiteResults().cases(r.id())).extracting(StoredCase::status)
                .containsExactly(TestStatus.PASSED, TestStatus.PASSED);
    }

    @Test
    void a_failing_test_or_a_non_zero_exit_makes_the_run_failed() throws Exception {
        SuiteRun failing = run("mkdir -p out && printf '%s' '<testsuite name=\"e\"><testcase classname=\"a\" name=\"b\">"
                + "<failure message=\"expected devel\"/></testcase></testsuite>' > out/r.xml", Duration.ofMinutes(1), Map.of());
        assertThat(failing.status()).isEqualTo(RunStatus.FAILED);
        assertThat(fx.app.suiteResults().cases(failing.id())).singleElement()
                .satisfies(c -> assertThat(c.message()).isEqualTo("expected devel"));
        SuiteRun exit = run("rm -rf out; " + JUNIT + "; exit 3", Duration.ofMinutes(1), Map.of());
        assertThat(exit.status()).isEqualTo(RunStatus.FAILED);
        assertThat(exit.message()).contains("the command exited with 3");
    }

    @Test
    void a_command_that_does_not_exist_is_an_error_run_saying_so() throws Exception {
        SuiteRun r = run("no-such-e2e-runner --all", Duration.ofMinutes(1), Map.of());
        assertThat(r.status()).isEqualTo(RunStatus.ERROR);
        assertThat(r.message()).contains("the command was not found (exit 127)").contains("no-such-e2e-runner");
        assertThat(r.green()).isFalse();
    }

    @Test
    void a_hung_suite_is_killed_at_its_timeout_with_the_children_it_forked() throws Exception {
        SuiteRun r = run("sleep 600 & echo $! > child.pid; (sleep 700; echo grandchild) & echo $! >> child.pid; "
                + "echo started; wait", Duration.ofSeconds(2), Map.of());
        assertThat(r.status()).isEqualTo(RunStatus.TIMED_OUT);
        assertThat(r.exitCode()).isEmpty();
        assertThat(r.output()).contains("started");
        for (String pid : Files.readAllLines(dir.resolve("suite/child.pid"))) {
            assertThat(waitUntilGone(Long.parseLong(pid.strip()))).as("child " + pid + " is gone").isTrue();
        }
    }

    /** Whether process {@code pid} ends (or is a zombie: killed, waiting to be reaped) within a minute. */
    static boolean waitUntilGone(long pid) throws Exception {
        for (int i = 0; i < 600; i++) {
            Path stat = Path.of("/proc/" + pid + "/stat");
            if (!Files.exists(stat)) {
                return true;
            }
            try {
                String s = Files.readString(stat);
                char state = s.charAt(s.lastIndexOf(')') + 2);
                if (state == 'Z' || state == 'X') {
                    return true;
                }
            } catch (java.io.IOException e) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Test
    void a_suite_printing_gigabytes_keeps_a_bounded_head_and_tail() throws Exception {
        SuiteRun r = run("echo FIRST; head -c 1500000000 /dev/zero | tr '\\0' x; echo; echo LAST; " + JUNIT,
                Duration.ofMinutes(5), Map.of());
        assertThat(r.status()).as(r.message()).isEqualTo(RunStatus.PASSED);
        assertThat(fx.app.suiteResults().run(r.id()).orElseThrow().output()).startsWith("FIRST").contains("LAST")
                .contains("bytes of output not kept").hasSizeLessThan(ProcessLauncher.HEAD + ProcessLauncher.TAIL + 200);
    }

    @Test
    void a_secret_reaches_the_process_and_is_redacted_from_output_messages_and_the_api() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("suite"));
        fx.app.suites(box).add(StagingFixture.suite("pkgdb-e2e", "echo \"$TEST_PASSWORD\" > seen.txt;"
                + " echo login with $TEST_PASSWORD; mkdir -p out; printf '%s' \"<testsuite name='e'><testcase classname='a'"
                + " name='login'><failure message='bad password $TEST_PASSWORD'/></testcase></testsuite>\" > out/r.xml",
                folder, Duration.ofMinutes(1)));
        assertThat(fx.app.suites(box).setSecret("pkgdb-e2e", "TEST_PASSWORD", "s3cret-Pa55")).isInstanceOf(Outcome.Done.class);
        SuiteRun r = run(Map.of());
        assertThat(Files.readString(folder.resolve("seen.txt")).strip()).isEqualTo("s3cret-Pa55");
        SuiteRun stored = fx.app.suiteResults().run(r.id()).orElseThrow();
        assertThat(stored.output()).contains("login with [secret TEST_PASSWORD]").doesNotContain("s3cret");
        assertThat(fx.app.suiteResults().cases(r.id())).singleElement().satisfies(c -> assertThat(c.message())
                .isEqualTo("bad password [secret TEST_PASSWORD]"));
    }

    @Test
    void secrets_that_do_not_open_keep_the_suite_from_running_and_are_kept() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("suite"));
        fx.app.suites(box).add(StagingFixture.suite("pkgdb-e2e", "touch ran.txt", folder, Duration.ofMinutes(1)));
        fx.app.suites(box).setSecret("pkgdb-e2e", "TEST_PASSWORD", "s3cret");
        box = SecretBox.NONE;
        SuiteRun r = run(Map.of());
        assertThat(r.status()).isEqualTo(RunStatus.ERROR);
        assertThat(r.message()).contains("secrets cannot be opened").contains("no secrets key");
        assertThat(folder.resolve("ran.txt")).doesNotExist();
        assertThat(fx.app.suites(SecretBox.NONE).secretNames("pkgdb-e2e")).containsExactly("TEST_PASSWORD");
    }

    @Test
    void a_wrong_key_keeps_the_suite_from_running_names_the_keys_and_the_right_key_still_opens_everything()
            throws Exception {
        Path folder = Files.createDirectories(dir.resolve("suite"));
        fx.app.suites(box).add(StagingFixture.suite("pkgdb-e2e", "echo \"pw=$TEST_PASSWORD\" > ran.txt; " + JUNIT,
                folder, Duration.ofMinutes(1)));
        fx.app.suites(box).setSecret("pkgdb-e2e", "TEST_PASSWORD", "s3cret");
        SecretBox right = box;
        byte[] other = new byte[32];
        other[0] = 7;
        box = SecretsKey.box(Optional.empty(), Map.of(SecretsKey.VARIABLE, Base64.getEncoder().encodeToString(other)));
        SuiteRun wrong = run(Map.of());
        assertThat(wrong.status()).isEqualTo(RunStatus.ERROR);
        assertThat(wrong.message()).contains("secrets cannot be opened").contains("was sealed with key")
                .contains("nothing was opened").doesNotContain("s3cret");
        assertThat(folder.resolve("ran.txt")).as("the suite never started").doesNotExist();
        box = right;
        SuiteRun after = run(Map.of());
        assertThat(after.green()).as(after.message()).isTrue();
        assertThat(Files.readString(folder.resolve("ran.txt"))).as("the secret, kept whole").isEqualTo("pw=s3cret\n");
    }

    @Test
    void breakwaters_own_variables_are_not_passed_to_the_suite() throws Exception {
        SuiteRun r = run("echo key=[$BREAKWATER_SECRETS_KEY] db=[$BREAKWATER_DB_URL]; " + JUNIT, Duration.ofMinutes(1),
                Map.of("BREAKWATER_SECRETS_KEY", "abc", "BREAKWATER_DB_URL", "jdbc:x"));
        assertThat(r.output()).contains("key=[] db=[]");
    }

    @Test
    void a_report_left_by_an_earlier_run_is_not_read() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("suite/out"));
        Path old = Files.writeString(folder.resolve("old.xml"), "<testsuite name='e'><testcase classname='a' name='b'/>"
                + "</testsuite>");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        SuiteRun r = run("true", Duration.ofMinutes(1), Map.of());
        assertThat(r.status()).isEqualTo(RunStatus.ERROR);
        assertThat(r.message()).contains("it wrote no JUnit XML matching 'out/*.xml'");
    }

    @Test
    void a_virtual_display_without_xvfb_run_is_a_clear_error() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("suite"));
        StagingSuite s = StagingFixture.suite("pkgdb-e2e", "touch ran.txt", folder, Duration.ofMinutes(1));
        fx.app.suites(box).add(new StagingSuite(s.name(), s.services(), s.command(), s.workdir(), s.env(), s.results(),
                s.timeout(), StagingSuite.Display.VIRTUAL, s.environment(), s.cron(), s.zone(), s.origin()));
        SuiteRun r = run(Map.of("PATH", dir.resolve("empty-path").toString()));
        assertThat(r.status()).isEqualTo(RunStatus.ERROR);
        assertThat(r.message()).contains("display: virtual needs xvfb-run (Debian package xvfb), which is not on the PATH");
        assertThat(folder.resolve("ran.txt")).doesNotExist();
    }

    @Test
    void a_run_left_going_by_a_stopped_breakwater_is_marked_interrupted_on_the_next_start() {
        long id = new org.breakwater.staging.store.JdbiSuiteRepository(fx.database().jdbi()).begin("pkgdb-e2e", "schedule",
                NOW, Map.of());
        SuiteRuns next = fx.app.suiteRuns(box, ProcessLauncher.standard());
        assertThat(next.recoverInterrupted()).as("still within its heartbeat").isZero();
        fx.clock.advance(SuiteRuns.STALE.plusSeconds(1));
        assertThat(next.recoverInterrupted()).isEqualTo(1);
        SuiteRun r = fx.app.suiteResults().run(id).orElseThrow();
        assertThat(r.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(r.green()).isFalse();
    }
}
