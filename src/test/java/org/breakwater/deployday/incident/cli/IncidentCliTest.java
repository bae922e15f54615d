package org.breakwater.deployday.incident.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.breakwater.cli.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code breakwater incident ...} as a user runs it, on a real SQLite store. */
class IncidentCliTest {
    @TempDir
    Path dir;

    CliRun run(String... args) {
        return CliRun.run(args, List.of("--data-dir=" + dir.resolve("data")));
    }

    @BeforeEach
    void catalog() {
        assertThat(run("catalog", "import", "src/main/resources/demo/catalog").code()).isZero();
    }

    @Test
    void an_incident_is_opened_acknowledged_assigned_and_resolved_from_the_command_line() {
        CliRun open = run("incident", "open", "--service", "pkgdb", "--title", "bodhi cannot read ACLs", "--severity",
                "critical", "--consumer", "bodhi-pkgdb-client", "--link", "https://pagure.io/x/1", "--as", "kevin",
                "--detected", "2014-06-02T15:07:00Z", "--json");
        assertThat(open.code()).as(open.err()).isZero();
        assertThat(open.out()).contains("\"id\" : 1", "\"severity\" : \"critical\"", "\"status\" : \"open\"",
                "\"detectedAt\" : \"2014-06-02T15:07:00Z\"");
        assertThat(run("incident", "ack", "1", "--as", "pingou").out()).contains("acknowledged");
        assertThat(run("incident", "assign", "1", "ralph", "--as", "pingou").out()).contains("ralph");
        assertThat(run("incident", "resolve", "1", "--note", "fixed", "--as", "ralph").out()).contains("resolved");
        CliRun show = run("incident", "show", "1");
        assertThat(show.out()).contains("Incident 1: bodhi cannot read ACLs", "acknowledged", "by pingou",
                "assigned to ralph", "resolved", "History:", "kevin  opened", "ralph  resolved: fixed");
        assertThat(run("incident", "show", "1", "--json").out()).contains("\"action\" : \"assigned\"",
                "\"resolvedBy\" : \"ralph\"");
        assertThat(run("incident", "list").out()).contains("resolved", "bodhi-pkgdb-client");
        assertThat(run("incident", "list", "--active").out()).contains("No incidents.");
    }

    @Test
    void a_duplicate_is_merged_into_the_other() {
        run("incident", "open", "--service", "pkgdb", "--title", "one");
        run("incident", "open", "--service", "pkgdb", "--title", "two");
        CliRun merge = run("incident", "merge", "2", "--into", "1", "--json");
        assertThat(merge.code()).isZero();
        assertThat(merge.out()).contains("\"status\" : \"merged\"", "\"mergedInto\" : 1");
        assertThat(run("incident", "list", "--status", "merged", "--json").out()).contains("\"title\" : \"two\"")
                .doesNotContain("\"title\" : \"one\"");
    }

    @Test
    void bad_input_is_refused_with_exit_code_2_and_nothing_stored() {
        CliRun service = run("incident", "open", "--service", "nope", "--title", "t");
        assertThat(service.code()).isEqualTo(2);
        assertThat(service.err()).contains("no service 'nope'");
        CliRun severity = run("incident", "open", "--service", "pkgdb", "--title", "t", "--severity", "awful");
        assertThat(severity.code()).isEqualTo(2);
        assertThat(severity.err()).contains("no severity 'awful'; one of critical, major, minor");
        assertThat(run("incident", "ack", "9").err()).contains("no incident 9");
        assertThat(run("incident", "show", "9").code()).isEqualTo(2);
        assertThat(run("incident", "list", "--status", "gone").err()).contains("no status 'gone'");
        assertThat(run("incident", "list").out()).contains("No incidents.");
    }
}
