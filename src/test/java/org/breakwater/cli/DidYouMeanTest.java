package org.breakwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.breakwater.text.Suggestions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A typo in a command, an option or a service name is answered with the name it was likely meant to be. */
class DidYouMeanTest {
    @TempDir
    Path dir;

    static CliRun plain(String... args) {
        return CliRun.run(args);
    }

    CliRun inStore(String... args) {
        return CliRun.run(args, List.of("--data-dir=" + dir));
    }

    @Test
    void a_command_under_another_one_is_named_with_its_path() {
        CliRun r = plain("assess", "1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown command 'assess'; did you mean 'plan assess'?").doesNotContain("option option");
    }

    @Test
    void a_mistyped_command_is_answered_with_the_command() {
        assertThat(plain("whre").err()).contains("unknown command 'whre'; did you mean 'where'?");
        assertThat(plain("plan", "asess", "1").err()).contains("did you mean 'assess'?");
    }

    @Test
    void a_mistyped_option_is_answered_with_the_option() {
        CliRun r = plain("diff", "a.yaml", "b.yaml", "--fromat", "json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown option '--fromat'; did you mean '--format'?").doesNotContain("option option");
        assertThat(plain("where", "--jsno").err()).contains("did you mean '--json'?");
    }

    @Test
    void a_mistyped_service_is_answered_with_the_service_in_every_command_that_names_one() {
        assertThat(inStore("catalog", "import", "src/main/resources/demo/catalog").code()).isZero();
        List<String[]> commands = List.of(new String[] {"where", "pkgbd"}, new String[] {"history", "pkgbd"},
                new String[] {"consumers", "pkgbd"}, new String[] {"traffic", "consumers", "pkgbd"},
                new String[] {"traffic", "crossings", "pkgbd"},
                new String[] {"record-deployment", "--service", "pkgbd", "--version", "1", "--env", "production"},
                new String[] {"can-deploy", "--service", "pkgbd", "--version", "1"});
        for (String[] command : commands) {
            CliRun r = inStore(command);
            assertThat(r.code()).as(String.join(" ", command)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", command)).contains("unknown service 'pkgbd'; did you mean 'pkgdb'?");
        }
        assertThat(inStore("can-deploy", "--service", "pkgdb", "--version", "1", "--to", "prodution").err())
                .contains("unknown environment 'prodution'; did you mean 'production'?");
    }

    @Test
    void the_one_edit_distance_counts_a_swap_as_one_edit_and_keeps_far_names_to_itself() {
        assertThat(Suggestions.distance("pkgbd", "pkgdb")).isEqualTo(1);
        assertThat(Suggestions.closest("fas", List.of("pkgdb", "bodhi"))).isEmpty();
        assertThat(Suggestions.didYouMean("Bodhi", List.of("pkgdb", "bodhi"))).isEqualTo("; did you mean 'bodhi'?");
    }
}
