package org.breakwater.announce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.breakwater.cli.Main;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code breakwater announce}: from draft to a dry-run mail on the demo's pkgdb2 plan; bad input refused. */
class AnnounceCliTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("--data-dir=" + dir.resolve("demo/store"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(out.toString() + err).doesNotContain("Exception").doesNotContain("\tat ");
        return new Run(code, out.toString(), err.toString());
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
        Run draft = run("announce", "draft", "1", "api-break-notice", "--notes-file", notes.toString(),
                "--from", "breakwater@fedoraproject.org");
        assertThat(draft.code()).as(draft.err()).isZero();
        assertThat(draft.out()).contains("Subject: API-breaking update of fas, pkgdb planned for")
                .contains("Use /api/package/ instead of /packages/.");
        Matcher id = Pattern.compile("Draft (\\d+) written").matcher(draft.out());
        assertThat(id.find()).isTrue();
        String n = id.group(1);
        Run edit = run("announce", "edit", n, "--subject", "pkgdb2 and fas 0.8.19: API-breaking update",
                "--to", "devel@lists.fedoraproject.org,infrastructure@lists.fedoraproject.org");
        assertThat(edit.code()).as(edit.err()).isZero();
        assertThat(run("announce", "deliver", "--dry-run", dir.resolve("out").toString()).out())
                .as("drafts are never delivered").contains("Delivered 0 message(s)");
        Run send = run("announce", "send", n, "--from", "breakwater@fedoraproject.org");
        assertThat(send.code()).as(send.err()).isZero();
        assertThat(send.out()).containsPattern("queued as <breakwater\\.announcement-" + n + "\\.[0-9a-f]+@fedoraproject\\.org>");
        assertThat(run("announce", "send", n).err()).contains("is already queued");
        Run deliver = run("announce", "deliver", "--dry-run", dir.resolve("out").toString());
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
        Run kind = run("announce", "draft", "1", "press-release");
        assertThat(kind.code()).isEqualTo(2);
        assertThat(kind.err()).contains("no kind 'press-release'; one of outage-notice, api-break-notice");
        assertThat(run("announce", "draft", "99", "outage-notice").err()).contains("no plan 99");
        assertThat(run("announce", "show", "42").err()).contains("no announcement 42");
        Run where = run("announce", "deliver");
        assertThat(where.code()).isEqualTo(2);
        assertThat(where.err()).contains("where to? Give --smtp-host");
        assertThat(run("announce", "deliver", "--smtp-host", "localhost", "--smtp-user", "x").err())
                .contains("needs the password in $BREAKWATER_SMTP_PASSWORD");
        run("announce", "draft", "1", "outage-notice");
        Run stranger = run("announce", "edit", "1", "--to", "someone@example.org");
        assertThat(stranger.code()).isEqualTo(2);
        assertThat(stranger.err()).contains("someone@example.org is not in the catalog or the policy");
        Run injected = run("announce", "edit", "1", "--subject", "Outage\nBcc: victim@example.org");
        assertThat(injected.err()).contains("line break");
        Run badTemplates = run("announce", "draft", "1", "outage-notice", "--templates", dir.toString());
        assertThat(badTemplates.code()).as("an empty folder: the defaults stay").isZero();
    }
}
