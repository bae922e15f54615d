package org.breakwater.deployday.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.breakwater.cli.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deployment day from the command line, on the demo: roster, board, rollback, measures, post-mortem. */
class DayCliTest {
    @TempDir
    Path dir;

    Path store;

    CliRun run(String... args) {
        return CliRun.run(args, List.of("--data-dir=" + store));
    }

    @BeforeEach
    void demo() {
        store = CliRun.demo(dir);
    }

    @Test
    void the_roster_is_proposed_shown_as_json_and_confirmed_from_the_command_line() {
        CliRun proposed = run("roster", "propose", "2");
        assertThat(proposed.code()).as(proposed.err()).isZero();
        assertThat(proposed.out()).contains("firefighter").contains("0 of");
        CliRun json = run("roster", "show", "2", "--json");
        assertThat(json.out()).contains("\"role\" : \"firefighter\"").contains("\"localWindow\"").contains("\"gaps\"");
        CliRun confirmed = run("roster", "confirm", "2", "--user", "lmacken");
        assertThat(confirmed.code()).as(confirmed.err()).isZero();
        assertThat(run("roster", "confirm", "2", "--user", "nobody").code()).isEqualTo(2);
        CliRun forged = run("roster", "confirm", "--token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(forged.code()).isEqualTo(2);
        assertThat(forged.err()).contains("not one Breakwater made");
        assertThat(run("roster", "add", "2", "lmacken", "--role", "boss").code()).isEqualTo(2);
        assertThat(run("roster", "add", "2", "tflink", "--role", "contact").err()).contains("--team");
        CliRun invited = run("roster", "invite", "2", "--public-url", "https://breakwater.example.org");
        assertThat(invited.code()).as(invited.err()).isZero();
        assertThat(invited.out()).contains("Invited").doesNotContain("lmacken,");
        assertThat(run("roster", "invite", "2", "--public-url", "not a url").code()).isEqualTo(2);
    }

    @Test
    void the_checklist_is_ticked_in_order_and_a_rollback_needs_a_plan_in_progress() throws Exception {
        CliRun outOfOrder = run("board", "tick", "1", "deploy");
        assertThat(outOfOrder.code()).isEqualTo(2);
        assertThat(outOfOrder.err()).contains("tick started-notice first");
        assertThat(run("board", "tick", "1", "lunch").err()).contains("no step 'lunch'");
        assertThat(run("board", "tick", "1", "started-notice", "--by", "pingou", "--json").out())
                .contains("\"step\" : \"started-notice\"");
        assertThat(run("board", "tick", "1", "started-notice").err()).contains("ticked already by pingou");
        CliRun early = run("rollback", "1");
        assertThat(early.code()).isEqualTo(2);
        assertThat(early.err()).contains("only a plan in progress is rolled back");
        assertThat(run("plan", "status", "1", "in-progress").code()).isZero();
        assertThat(run("record-deployment", "--service", "pkgdb", "--version", "2.0.0", "--env", "production").code())
                .isZero();
        CliRun board = run("board", "show", "1");
        assertThat(board.out()).contains("Rollback: possible, to fas 0.8.18, pkgdb 1.9.2");
        assertThat(board.out()).contains("Error rates, fas ").contains("Error rates, pkgdb 2.0.0: ");
        CliRun rolled = run("rollback", "1", "--json");
        assertThat(rolled.code()).as(rolled.err()).isZero();
        assertThat(rolled.out()).contains("\"status\" : \"rolled-back\"").contains("\"version\" : \"1.9.2\"");
        assertThat(run("where", "pkgdb").out()).contains("1.9.2");
        Path md = dir.resolve("pm.md");
        assertThat(run("postmortem", "1", "-o", md.toString()).code()).isZero();
        assertThat(Files.readString(md, StandardCharsets.UTF_8)).contains("post-mortem").contains("rollback of plan 1")
                .containsPattern(", ticked by pingou\\n").doesNotContain("(pingou)");
        CliRun keys = run("measures", "--days", "30", "--json");
        assertThat(keys.out()).contains("\"group\" : \"pkgdb\"").contains("\"failures\" : 1");
        assertThat(run("postmortem", "99").code()).isEqualTo(2);
    }

    @Test
    void measures_refuse_a_window_out_of_range_and_an_unknown_plan() {
        assertThat(run("measures", "--days", "0").err()).contains("--days is between 1 and");
        assertThat(run("measures", "--plan", "42").code()).isEqualTo(2);
        CliRun day = run("measures", "--plan", "1");
        assertThat(day.code()).isZero();
        assertThat(day.out()).contains("0 incident(s)");
    }
}
