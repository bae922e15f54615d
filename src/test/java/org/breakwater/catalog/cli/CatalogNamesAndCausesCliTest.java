package org.breakwater.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.breakwater.cli.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What `catalog validate` and `catalog import` say about a broken demo catalog: the root cause on
 * the first line, the errors that only follow from it left out and counted; names that would
 * leave a folder or a URL path refused at their place, in our format and in Backstage's.
 */
class CatalogNamesAndCausesCliTest {
    @TempDir
    Path dir;

    Path catalog;

    static CliRun run(String... args) {
        return CliRun.run(args);
    }

    @BeforeEach
    void copyDemoCatalog() throws IOException {
        catalog = CatalogCliContract.copyDemo(dir);
    }

    /** Replaces the first {@code from} in a file of the copied catalog. */
    private void edit(String file, String from, String to) throws IOException {
        Path p = catalog.resolve(file);
        String text = Files.readString(p, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(p, text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)), StandardCharsets.UTF_8);
    }

    @Test
    void one_bad_indentation_gives_the_yaml_error_first_and_counts_the_errors_that_follow_from_it() throws IOException {
        // the case of the report: 56 errors, the YAML error last
        edit("services-essential.yaml", "\n    owner: infrastructure", "\n      owner: infrastructure");

        CliRun r = run("catalog", "validate", catalog.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.outLines().get(0)).isEqualTo(catalog.resolve("services-essential.yaml") + ":7:12: error:"
                + " malformed YAML: mapping values are not allowed here (55 more errors follow from this, not shown)");
        assertThat(r.out()).doesNotContain("unknown service");
        assertThat(r.outLines()).hasSize(2);
        assertThat(r.outLines().get(1)).contains("invalid (1 error and 55 that follow from them, 0 warnings)");
    }

    @Test
    void a_misspelt_key_is_the_first_line_with_a_suggestion_and_the_unknown_service_lines_are_left_out()
            throws IOException {
        edit("services-essential.yaml", "tier: essential", "teir: essential");

        CliRun r = run("catalog", "validate", catalog.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.outLines().get(0)).isEqualTo(catalog.resolve("services-essential.yaml")
                + ":8:11: error: unknown field 'teir' in a service; did you mean 'tier'?"
                + " (15 more errors follow from this, not shown)");
        assertThat(r.out()).doesNotContain("has no 'tier'").doesNotContain("unknown service 'fas'");
        assertThat(r.outLines()).hasSize(2);
    }

    @Test
    void a_misspelt_name_field_leaves_out_the_references_to_the_entry_it_names() throws IOException {
        edit("services-essential.yaml", "- name: fas\n", "- nmae: fas\n");

        CliRun r = run("catalog", "validate", catalog.toString());

        assertThat(r.outLines().get(0)).isEqualTo(catalog.resolve("services-essential.yaml")
                + ":5:11: error: unknown field 'nmae' in a service; did you mean 'name'?"
                + " (15 more errors follow from this, not shown)");
        assertThat(r.outLines()).hasSize(2);
    }

    @Test
    void the_json_of_validate_counts_the_errors_left_out() throws IOException {
        edit("services-essential.yaml", "tier: essential", "teir: essential");

        CliRun r = run("catalog", "validate", catalog.toString(), "--json");

        assertThat(r.out()).contains("\"errors\" : 1").contains("\"following\" : 15");
    }

    @Test
    void validate_names_each_name_that_would_leave_a_folder_or_a_url_path_at_its_place() throws IOException {
        edit("services-essential.yaml", "- name: fas\n", "- name: /tmp/x/pwned\n");
        edit("services-essential.yaml", "- name: pkgdb\n", "- name: ../login\n");
        edit("teams.yaml", "- name: qa\n", "- name: \"<b>qa</b>\"\n");
        edit("people.yaml", "username: pingou", "username: .pingou");

        CliRun r = run("catalog", "validate", catalog.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out())
                .contains(catalog.resolve("services-essential.yaml") + ":5:11: error: service name '/tmp/x/pwned' is"
                        + " not a valid name: use letters and digits, with single '-', '_' or '.' between them, at most"
                        + " 63 characters (docs/catalog.md)")
                .contains("error: service name '../login' is not a valid name")
                .contains("error: team name '<b>qa</b>' is not a valid name")
                .contains("error: person name '.pingou' is not a valid name");
    }

    @Test
    void import_refuses_a_service_named_like_a_path_and_stores_nothing() throws IOException {
        edit("services-essential.yaml", "- name: fas\n", "- name: /tmp/x/pwned\n");
        String data = dir.resolve("data").toString();

        CliRun r = run("catalog", "import", catalog.toString(), "--data-dir", data);

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("service name '/tmp/x/pwned' is not a valid name").contains("nothing was imported");
        CliRun where = run("where", "--data-dir", data);
        assertThat(where.out() + where.err()).doesNotContain("pwned");
    }

    @Test
    void import_refuses_a_backstage_component_named_like_a_path() throws IOException {
        Path file = dir.resolve("catalog-info.yaml");
        Files.writeString(file, """
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata:
                  name: infra
                spec:
                  type: team
                  children: []
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: ../login
                  annotations:
                    breakwater.org/tier: leaf
                spec:
                  type: service
                  lifecycle: production
                  owner: group:infra
                """, StandardCharsets.UTF_8);

        CliRun r = run("catalog", "import", file.toString(), "--data-dir", dir.resolve("data").toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(file + ":12:9: error: service name '../login' is not a valid name");
    }

    @Test
    void validating_a_folder_that_is_not_there_is_an_input_error_not_an_invalid_catalog_of_two_environments() {
        CliRun r = CliRun.unchecked("catalog", "validate", dir.resolve("catalgo").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("breakwater catalog validate: " + dir.resolve("catalgo") + ": no such file or folder\n");
        assertThat(r.out()).isEmpty();
    }
}
