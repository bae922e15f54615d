package org.breakwater.announce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.breakwater.cli.CliRun;
import org.breakwater.cli.Main;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code breakwater announce}: from draft to a dry-run mail on the demo's pkgdb2 plan; bad input refused. */
class AnnounceCliTest {
    @TempDir
    Path dir;

    CliRun run(String... args) {
        return CliRun.run(args, List.of("--data-dir=" + dir.resolve("demo/store")));
    }

    @BeforeEach
    void demo() {
        StringWriter err = new StringWriter();
        assertThat(Main.run(new String[] {"demo", "--no-serve", "--dir", dir.resolve("demo").toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err))).as(err.toString()).isZero();
    }

    @Test
    void a_notice_goes_from_draft_to_an_eml_file_and_its_gate_is_met() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "Use /api/package/ instead of /packages/.");
        CliRun draft = run("announce", "draft", "1", "api-break-notice", "--notes-file", notes.toString(),
                "--from", "breakwater@fedoraproject.org");
        assertThat(draft.code()).as(draft.err()).isZero();
        assertThat(draft.out()).contains("Subject: API-breaking update of fas, pkgdb planned for")
                .contains("Use /api/package/ instead of /packages/.");
        Matcher id = Pattern.compile("Draft (\\d+) written").matcher(draft.out());
        assertThat(id.find()).isTrue();
        String n = id.group(1);
        CliRun edit = run("announce", "edit", n, "--subject", "pkgdb2 and fas 0.8.19: API-breaking update",
                "--to", "devel@lists.fedoraproject.org,infrastructure@lists.fedoraproject.org");
        assertThat(edit.code()).as(edit.err()).isZero();
        assertThat(run("announce", "deliver", "--dry-run", dir.resolve("out").toString()).out())
                .as("drafts are never delivered").contains("Delivered 0 message(s)");
        CliRun send = run("announce", "send", n, "--from", "breakwater@fedoraproject.org");
        assertThat(send.code()).as(send.err()).isZero();
        assertThat(send.out()).containsPattern("queued as <breakwater\\.announcement-" + n + "\\.[0-9a-f]+@fedoraproject\\.org>");
        assertThat(run("announce", "send", n, "--from", "breakwater@fedoraproject.org").err())
                .contains("is already queued");
        CliRun deliver = run("announce", "deliver", "--dry-run", dir.resolve("out").toString());
        assertThat(deliver.code()).isZero();
        assertThat(deliver.out()).contains("Delivered 1 message(s) to the folder");
        try (var files = Files.list(dir.resolve("out"))) {
            assertThat(files.toList()).singleElement().satisfies(f -> assertThat(Files.readString(f))
                    .contains("Subject: pkgdb2 and fas 0.8.19: API-breaking update"));
        }
        assertThat(run("announce", "list", "1").out()).containsPattern(n + "\\s+1\\s+api-break-notice\\s+sent");
        assertThat(run("announce", "list", "--outbox").out()).contains("mail").contains("sent");
        assertThat(run("plan", "show", "1").out()).containsPattern("\\[x\\] api-break-notice");
    }

    @Test
    void bad_input_is_refused_in_words() {
        CliRun kind = run("announce", "draft", "1", "press-release");
        assertThat(kind.code()).isEqualTo(2);
        assertThat(kind.err()).contains("no kind 'press-release'; one of outage-notice, api-break-notice");
        assertThat(run("announce", "draft", "99", "outage-notice").err()).contains("no plan 99");
        assertThat(run("announce", "show", "42").err()).contains("no announcement 42");
        CliRun where = run("announce", "deliver");
        assertThat(where.code()).isEqualTo(2);
        assertThat(where.err()).contains("where to? Give --smtp-host");
        assertThat(run("announce", "deliver", "--smtp-host", "localhost", "--smtp-user", "x").err())
                .contains("needs the password in $BREAKWATER_SMTP_PASSWORD");
        run("announce", "draft", "1", "outage-notice");
        CliRun stranger = run("announce", "edit", "1", "--to", "someone@example.org");
        assertThat(stranger.code()).isEqualTo(2);
        assertThat(stranger.err()).contains("someone@example.org is not in the catalog or the policy");
        CliRun injected = run("announce", "edit", "1", "--subject", "Outage\nBcc: victim@example.org");
        assertThat(injected.err()).contains("line break");
        CliRun badTemplates = run("announce", "draft", "1", "outage-notice", "--templates", dir.toString());
        assertThat(badTemplates.code()).as("an empty folder: the defaults stay").isZero();
    }

    /** A port on this machine where nothing listens: every SMTP attempt fails at once. */
    static String closedPort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return String.valueOf(s.getLocalPort());
        }
    }

    @Test
    void a_deliver_run_after_a_failure_says_how_many_wait_and_when_the_next_is_due() throws Exception {
        CliRun draft = run("announce", "draft", "1", "outage-notice");
        Matcher id = Pattern.compile("Draft (\\d+) written").matcher(draft.out());
        assertThat(id.find()).as(draft.out() + draft.err()).isTrue();
        assertThat(run("announce", "send", id.group(1), "--from", "breakwater@fedoraproject.org").code()).isZero();
        String port = closedPort();
        String[] smtp = {"announce", "deliver", "--smtp-host", "127.0.0.1", "--smtp-port", port, "--smtp-security", "none",
            "--from", "breakwater@fedoraproject.org"};

        CliRun failing = run(smtp);
        assertThat(failing.code()).isEqualTo(1);
        assertThat(failing.out()).contains("1 could not go this time and will be retried:");
        CliRun after = run(smtp);

        assertThat(after.code()).as("mail still waits: the check failed").isEqualTo(1);
        assertThat(after.out()).containsPattern("Delivered 0 message\\(s\\) to smtp://127\\.0\\.0\\.1:" + port
                + " \\(none\\); 1 waiting to retry, next at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\.");
    }

    @Test
    void mail_does_not_go_out_without_a_sender_outside_the_dry_run() throws Exception {
        run("announce", "draft", "1", "outage-notice");
        CliRun send = run("announce", "send", "1");
        assertThat(send.code()).isEqualTo(2);
        assertThat(send.err()).contains("no sender address: give --from ADDRESS or set $BREAKWATER_MAIL_FROM");
        CliRun deliver = run("announce", "deliver", "--smtp-host", "127.0.0.1", "--smtp-port", closedPort());
        assertThat(deliver.code()).isEqualTo(2);
        assertThat(deliver.err()).contains("no sender address: give --from ADDRESS or set $BREAKWATER_MAIL_FROM")
                .contains("only for the demo and --dry-run");
        CliRun bad = run("announce", "send", "1", "--from", "breakwater");
        assertThat(bad.err()).contains("'breakwater' is not a plain e-mail address");
        assertThat(run("announce", "deliver", "--dry-run", dir.resolve("out").toString()).code())
                .as("the dry run needs no sender").isZero();
        // a policy that does not read stops serve right after the mail settings, so no server starts either way
        CliRun serve = run("serve", "--smtp-host", "127.0.0.1", "--policy", dir.resolve("no-such-policy.yaml").toString());
        assertThat(serve.code()).isEqualTo(2);
        assertThat(serve.err()).contains("breakwater serve: no sender address: give --from ADDRESS");
    }
}
