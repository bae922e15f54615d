package org.breakwater.cli.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.breakwater.cli.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A use case that refuses is said the same way by every command that asks it: one line, exit 2, nothing printed. */
class OutcomesTest {
    @TempDir
    Path dir;

    CliRun run(String... args) {
        return CliRun.run(args, List.of("--data-dir=" + dir));
    }

    @BeforeEach
    void catalog() {
        assertThat(run("catalog", "import", "src/main/resources/demo/catalog").code()).isZero();
    }

    @Test
    void each_refusal_is_one_line_naming_the_command_with_exit_2() {
        String[][] refused = {
            {"plan status 42 done", "no plan 42"},
            {"gate waive 42 roster --reason r --approver a", "no plan 42"},
            {"plan show 42", "no plan 42"},
            {"gate record 42 roster --evidence e", "no plan 42"},
            {"record-deployment --service nosuch --version 1 --env production", "nosuch"},
            {"token feed create --user nobody", "nobody"},
            {"meeting done 7", "no open follow-up 7"},
            {"meeting confirm 7 none", "7"},
            {"board show 42", "no plan 42"},
            {"roster add 42 pingou --role owner", "no plan 42"},
            {"roster confirm 42 --user pingou", "no plan 42"},
            {"announce approve-reminders 42", "42"},
            {"announce send 42 --from breakwater@fedoraproject.org", "42"},
            {"incident ack 42", "42"}};
        for (String[] r : refused) {
            String[] words = r[0].split(" ");
            String command = r[0].startsWith("record-deployment") ? "record-deployment"
                    : String.join(" ", List.of(words).subList(0, r[0].startsWith("token") ? 3 : 2));
            CliRun run = run(words);
            assertThat(run.code()).as(r[0] + ": " + run.err()).isEqualTo(2);
            assertThat(run.err().lines()).as(r[0]).singleElement().asString()
                    .startsWith("breakwater " + command + ": ").contains(r[1]);
            assertThat(run.out()).as(r[0]).isEmpty();
        }
    }
}
