package org.breakwater.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.breakwater.cli.CliRun;
import org.junit.jupiter.api.Test;

/** The catalog commands on the default store, an SQLite file in the data directory. */
class CatalogCliOnSqliteTest extends CatalogCliContract {
    @Override
    List<String> store() {
        return List.of("--data-dir", dir.resolve("data").toString());
    }

    @Test
    void a_database_url_of_another_kind_is_refused_in_words() {
        CliRun r = plain("where", "--db", "jdbc:mysql://localhost/x");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unsupported database URL").contains("SQLite").contains("PostgreSQL");
    }

    @Test
    void a_data_directory_that_cannot_be_created_is_refused_in_words() throws Exception {
        java.nio.file.Path file = dir.resolve("plain-file");
        java.nio.file.Files.writeString(file, "x");
        CliRun r = plain("catalog", "import", catalog.toString(), "--data-dir", file.resolve("sub").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("cannot create the data directory");
    }
}
