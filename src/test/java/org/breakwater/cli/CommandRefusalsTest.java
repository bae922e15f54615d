package org.breakwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to the commands this session added (tokens, history, serve, record-deployment's
 * time): one clear line, exit code 2, no stack trace, and nothing written.
 */
class CommandRefusalsTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("--data-dir=" + dir.resolve("data"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(out.toString() + err).doesNotContain("Exception").doesNotContain("\tat ");
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void catalog() {
        assertThat(run("catalog", "import", "src/main/resources/demo/catalog").code()).isZero();
    }

    @Test
    void tokens_with_a_bad_role_or_team_are_refused_and_none_is_made() {
        assertThat(run("token", "create", "--name", "x", "--user", "u", "--role", "root").err())
                .contains("--role is viewer, service-owner or admin, not 'root'");
        assertThat(run("token", "create", "--name", "x", "--user", "u", "--role", "service-owner").err())
                .contains("a service owner needs --team");
        Run unknownTeam = run("token", "create", "--name", "x", "--user", "u", "--role", "service-owner", "--team", "nobody");
        assertThat(unknownTeam.code()).isEqualTo(2);
        assertThat(unknownTeam.err()).contains("unknown team 'nobody'");
        assertThat(run("token", "revoke", "42").err()).contains("no active token 42");
        assertThat(run("token", "list").out().lines().count()).as("only the header: no token was made").isEqualTo(1);
        Run made = run("token", "create", "--name", "ci", "--user", "ci", "--role", "admin");
        assertThat(made.code()).isZero();
        assertThat(made.out()).containsPattern("Token 1 \\(ci\\): bw_\\S{40,}");
    }

    @Test
    void history_serve_and_record_deployment_refuse_bad_values() {
        assertThat(run("history", "pkgdb", "--limit", "0").err()).contains("--limit must be at least 1");
        Run port = run("serve", "--port", "70000");
        assertThat(port.code()).isEqualTo(2);
        assertThat(port.err()).contains("--port must be between 0 and 65535");
        Run at = run("record-deployment", "--service", "pkgdb", "--version", "1", "--env", "production", "--at", "noon");
        assertThat(at.code()).isEqualTo(2);
        assertThat(at.err()).contains("--at").contains("'noon' is not a time");
        assertThat(run("history", "pkgdb").out()).contains("No deployments of pkgdb recorded");
    }
}
