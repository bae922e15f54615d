package org.breakwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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

    CliRun run(String... args) {
        return CliRun.run(args, List.of("--data-dir=" + dir.resolve("data")));
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
        CliRun unknownTeam = run("token", "create", "--name", "x", "--user", "u", "--role", "service-owner", "--team", "nobody");
        assertThat(unknownTeam.code()).isEqualTo(2);
        assertThat(unknownTeam.err()).contains("unknown team 'nobody'");
        assertThat(run("token", "revoke", "42").err()).contains("no active token 42");
        assertThat(run("token", "list").out().lines().count()).as("only the header: no token was made").isEqualTo(1);
        CliRun made = run("token", "create", "--name", "ci", "--user", "ci", "--role", "admin");
        assertThat(made.code()).isZero();
        assertThat(made.out()).containsPattern("Token 1 \\(ci\\): bw_\\S{40,}");
    }

    @Test
    void history_serve_and_record_deployment_refuse_bad_values() {
        assertThat(run("history", "pkgdb", "--limit", "0").err()).contains("--limit must be at least 1");
        CliRun port = run("serve", "--port", "70000");
        assertThat(port.code()).isEqualTo(2);
        assertThat(port.err()).contains("--port must be between 0 and 65535");
        CliRun at = run("record-deployment", "--service", "pkgdb", "--version", "1", "--env", "production", "--at", "noon");
        assertThat(at.code()).isEqualTo(2);
        assertThat(at.err()).contains("--at").contains("'noon' is not a time");
        assertThat(run("history", "pkgdb").out()).contains("No deployments of pkgdb recorded");
    }
}
