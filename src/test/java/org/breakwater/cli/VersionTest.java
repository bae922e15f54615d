package org.breakwater.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** --version (and -V on every command) names the version and the git commit the build came from. */
class VersionTest {
    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as(String.join(" ", args) + ": " + err).isZero();
        return out.toString().strip();
    }

    private static String git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as("git " + String.join(" ", args) + ": " + out).isZero();
        return out;
    }

    @Test
    void the_version_names_the_commit_the_build_came_from() throws Exception {
        Path dotGit = Path.of(".git");
        assumeTrue(Files.exists(dotGit), "no .git here (a build from a source tarball): no commit to compare with");
        assumeTrue(Files.isDirectory(dotGit), "a linked git worktree: the git-commit-id plugin reports the main"
                + " checkout's commit there (its issue 882); a clone, as in CI, is checked");
        String head = git("rev-parse", "HEAD");

        Properties build = VersionProvider.buildProperties();
        assertThat(build.getProperty("git.commit.id.full")).isEqualTo(head);
        String abbrev = build.getProperty("git.commit.id.abbrev");
        assertThat(head).startsWith(abbrev);
        assertThat(run("--version")).matches("breakwater \\S+ \\(commit " + abbrev + "(, dirty)?\\)");
    }

    @Test
    void every_command_answers_minus_v_with_the_same_line() {
        String line = run("--version");
        assertThat(line).startsWith("breakwater ").contains("(commit ");
        assertThat(run("serve", "-V")).isEqualTo(line);
        assertThat(run("diff", "-V")).isEqualTo(line);
        assertThat(run("plan", "create", "-V")).isEqualTo(line);
    }

    @Test
    void a_dirty_tree_says_so_and_a_build_without_git_says_the_commit_is_unknown() {
        Properties dirty = new Properties();
        dirty.setProperty("git.commit.id.abbrev", "1a2b3c4");
        dirty.setProperty("git.dirty", "true");
        Properties none = new Properties();

        assertThat(VersionProvider.describe("1.2.0", dirty)).isEqualTo("breakwater 1.2.0 (commit 1a2b3c4, dirty)");
        assertThat(VersionProvider.describe("1.2.0", none)).isEqualTo("breakwater 1.2.0 (commit unknown)");
        assertThat(VersionProvider.describe(null, none)).isEqualTo("breakwater development (commit unknown)");
    }
}
