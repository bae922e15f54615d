package org.breakwater.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.breakwater.cli.CliRun;
import org.breakwater.store.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The catalog commands on PostgreSQL, named by --db as a team's CI would. */
class CatalogCliOnPostgresTest extends CatalogCliContract {
    private String url;

    @BeforeEach
    void newDatabase() {
        url = TestDatabases.newPostgresUrl();
    }

    @Override
    List<String> store() {
        return List.of("--db", url);
    }

    @Test
    void an_unreachable_server_is_refused_in_words_without_the_password() {
        CliRun r = plain("where", "--db", "jdbc:postgresql://127.0.0.1:1/breakwater?user=bw&password=secret");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("cannot open the database").doesNotContain("secret");
    }
}
