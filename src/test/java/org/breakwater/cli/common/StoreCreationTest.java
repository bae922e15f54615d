package org.breakwater.cli.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.breakwater.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mistyped --data-dir never becomes an empty store: reads refuse, writes say what they created. */
class StoreCreationTest {
    private static final String CATALOG = "src/main/resources/demo/catalog";

    @TempDir
    Path dir;

    static CliRun run(String... args) {
        return CliRun.run(args);
    }

    @Test
    void a_read_from_a_folder_that_does_not_exist_is_refused_and_leaves_nothing_behind() {
        Path typo = dir.resolve("nonexistent/dir");
        CliRun r = run("where", "--data-dir", typo.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no store at " + typo.resolve("breakwater.db"))
                .contains("run `breakwater catalog import` or pass --data-dir");
        assertThat(r.out()).doesNotContain("No deployments recorded yet");
        assertThat(dir.resolve("nonexistent")).doesNotExist();
    }

    @Test
    void a_read_from_an_empty_existing_folder_is_refused_and_creates_no_database() {
        CliRun r = run("history", "pkgdb", "--data-dir", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no store at");
        assertThat(dir.resolve("breakwater.db")).doesNotExist();
    }

    @Test
    void every_kind_of_read_refuses_a_missing_store() {
        for (String[] read : new String[][] {{"plan", "list"}, {"announce", "list"}, {"calendar", "show"},
            {"token", "list"}, {"traffic", "consumers", "pkgdb"}, {"can-deploy", "--plan", "1"}}) {
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(read),
                    java.util.stream.Stream.of("--data-dir", dir.resolve("typo").toString())).toArray(String[]::new);
            CliRun r = run(args);
            assertThat(r.code()).as(String.join(" ", read) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", read)).contains("no store at");
        }
        assertThat(dir.resolve("typo")).doesNotExist();
    }

    @Test
    void a_sqlite_url_naming_a_missing_file_is_refused_for_a_read() {
        Path file = dir.resolve("other.db");
        CliRun r = run("where", "--db", "jdbc:sqlite:" + file);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no store at " + file);
        assertThat(file).doesNotExist();
    }

    @Test
    void a_write_creates_the_store_and_says_so_once() {
        Path data = dir.resolve("new-folder");
        CliRun first = run("catalog", "import", CATALOG, "--data-dir", data.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.err()).contains("created a new store at " + data.resolve("breakwater.db"));
        assertThat(data.resolve("breakwater.db")).exists();

        CliRun again = run("catalog", "import", CATALOG, "--data-dir", data.toString());
        assertThat(again.err()).doesNotContain("created a new store");
        CliRun read = run("where", "pkgdb", "--data-dir", data.toString());
        assertThat(read.code()).as(read.err()).isZero();
        assertThat(read.err()).doesNotContain("no store");
    }

    @Test
    void a_command_whose_store_sits_in_a_nested_option_group_closes_it() throws Exception {
        assertThat(run("catalog", "import", CATALOG, "--data-dir", dir.toString()).code()).isZero();
        java.util.List<String> open = org.breakwater.store.TestRun.poolsLeftOpenBy(() ->
                assertThat(run("announce", "list", "--data-dir", dir.toString()).code()).isZero());
        assertThat(open).as("pools left open by announce list").isEmpty();
    }

    @Test
    void the_store_file_of_a_folder_is_where_the_checks_look() {
        assertThat(StoreOptions.sqliteFile(new org.breakwater.App.Settings(java.util.Optional.of("jdbc:sqlite:/a/b.db?x=1"),
                dir))).contains(Path.of("/a/b.db"));
        assertThat(StoreOptions.sqliteFile(new org.breakwater.App.Settings(
                java.util.Optional.of("jdbc:postgresql://localhost/x"), dir))).isEmpty();
        assertThat(StoreOptions.sqliteFile(new org.breakwater.App.Settings(java.util.Optional.of("jdbc:sqlite::memory:"),
                dir))).isEmpty();
        assertThat(Files.exists(dir)).isTrue();
    }
}
