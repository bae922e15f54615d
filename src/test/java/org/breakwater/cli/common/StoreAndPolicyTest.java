package org.breakwater.cli.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.breakwater.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that mix in the store and the policy start the same way: the policy read first, then the store. */
class StoreAndPolicyTest {
    @TempDir
    Path dir;

    @Test
    void a_plan_and_a_meeting_command_name_every_problem_of_a_policy_that_does_not_read_before_opening_the_store()
            throws Exception {
        Path policy = Files.writeString(dir.resolve("policy.yaml"), "meeting:\n  weekly: nonsense\n");
        for (String[] command : new String[][] {{"plan", "list"}, {"meeting", "list"}, {"gate", "waive", "1", "roster",
            "--reason", "r", "--approver", "a"}}) {
            String name = command[0] + " " + command[1];
            CliRun r = CliRun.run(command, List.of("--policy", policy.toString(), "--data-dir", dir.resolve("typo").toString()));
            assertThat(r.code()).as(name).isEqualTo(2);
            assertThat(r.err()).as(name).startsWith("breakwater " + name + ": the policy does not read: " + policy)
                    .contains("\n  " + policy + ":2:11: meeting.weekly: 'nonsense' is not DAY HH:MM ZONE")
                    .doesNotContain("no store at").doesNotContain("Exception");
        }
        assertThat(dir.resolve("typo")).doesNotExist();
    }

    @Test
    void the_announce_day_and_detect_commands_read_the_policy_first_and_create_no_store_when_it_does_not_read()
            throws Exception {
        Path policy = Files.writeString(dir.resolve("policy.yaml"), "meeting:\n  weekly: nonsense\n");
        for (String[] command : new String[][] {{"announce", "list"}, {"board", "show", "1"}, {"rollback", "1"},
            {"roster", "add", "1", "pingou", "--role", "firefighter"}, {"incident", "detect"}}) {
            String name = String.join(" ", command).replaceAll(" [0-9].*", "");
            CliRun r = CliRun.run(command, List.of("--policy", policy.toString(), "--data-dir", dir.resolve("typo").toString()));
            assertThat(r.code()).as(name).isEqualTo(2);
            assertThat(r.err()).as(name).startsWith("breakwater " + name + ": the policy does not read: " + policy)
                    .contains("\n  " + policy + ":2:11: meeting.weekly: 'nonsense' is not DAY HH:MM ZONE")
                    .doesNotContain("no store at").doesNotContain("created a new store");
        }
        assertThat(dir.resolve("typo")).as("the write commands made no store either").doesNotExist();
    }

    @Test
    void a_template_that_does_not_read_is_said_in_words_by_the_announce_and_deployment_day_commands() throws Exception {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(templates.resolve("outage-notice.txt"), "no subject line\n");
        CliRun.run("catalog", "import", "src/main/resources/demo/catalog", "--data-dir", dir.resolve("data").toString());
        for (String[] command : new String[][] {{"announce", "list"}, {"board", "show", "1"}}) {
            String name = String.join(" ", command).replaceAll(" [0-9].*", "");
            CliRun r = CliRun.run(command, List.of("--templates", templates.toString(), "--data-dir",
                    dir.resolve("data").toString()));
            assertThat(r.code()).as(name).isEqualTo(2);
            assertThat(r.err()).as(name).startsWith("breakwater " + name + ": a template does not read: ")
                    .contains("outage-notice.txt");
        }
    }

    @Test
    void a_read_with_a_good_policy_and_a_missing_store_is_refused_and_creates_nothing() {
        for (String[] command : new String[][] {{"meeting", "show", "1"}, {"meeting", "list"}}) {
            CliRun r = CliRun.run(command, List.of("--data-dir", dir.resolve("typo").toString()));
            assertThat(r.code()).as(String.join(" ", command)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", command)).contains("no store at " + dir.resolve("typo/breakwater.db"));
        }
        assertThat(dir.resolve("typo")).doesNotExist();
    }
}
