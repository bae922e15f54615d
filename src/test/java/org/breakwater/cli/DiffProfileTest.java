package org.breakwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code breakwater diff --profile}, and the profile chosen in the ignore file. */
class DiffProfileTest {
    private static final String DOC = "openapi: 3.0.3\ninfo: {title: Shop, version: \"1\"}\npaths:\n  /a:\n    get:\n"
            + "      responses: {\"200\": {description: ok, content: {application/json: {schema: {type: string, enum: %s}}}}}\n";

    @TempDir
    Path dir;
    private String old;
    private String neu;

    @BeforeEach
    void descriptions() throws Exception {
        old = write("old.yaml", String.format(DOC, "[open]"));
        neu = write("new.yaml", String.format(DOC, "[open, stale]"));
    }

    @Test
    void a_new_response_enum_value_fails_the_check_only_for_strict_clients() {
        assertThat(CliTest.run("diff", old, neu).code()).isEqualTo(Main.OK);
        CliRun strict = CliTest.run("diff", old, neu, "--profile", "strict-clients");
        assertThat(strict.code()).isEqualTo(Main.CHECK_FAILED);
        assertThat(strict.out()).contains("response-property-enum-value-added")
                .contains("levels are judged for the strict-clients profile");
    }

    @Test
    void an_unknown_profile_is_a_usage_error() {
        CliRun r = CliTest.run("diff", old, neu, "--profile", "paranoid");
        assertThat(r.code()).isEqualTo(Main.INPUT_ERROR);
        assertThat(r.err().strip()).isEqualTo("breakwater diff: --profile must be default or strict-clients, not 'paranoid'");
    }

    @Test
    void the_ignore_file_may_choose_the_profile_and_the_option_overrides_it() throws Exception {
        String config = write("ignore.yaml", "profile: strict-clients\n");
        assertThat(CliTest.run("diff", old, neu, "--ignore", config).code()).isEqualTo(Main.CHECK_FAILED);
        assertThat(CliTest.run("diff", old, neu, "--ignore", config, "--profile", "default").code()).isEqualTo(Main.OK);

        String both = write("both.yaml", "profile: strict-clients\nignore:\n  - id: response-property-enum-value-added\n"
                + "    operation: GET /a\n    reason: our client maps unknown values\n");
        assertThat(CliTest.run("diff", old, neu, "--ignore", both).code()).isEqualTo(Main.OK);
    }

    @Test
    void a_bad_profile_or_an_unknown_key_in_the_ignore_file_is_an_error_at_its_line() throws Exception {
        String bad = write("bad.yaml", "profile: lenient\n");
        CliRun r = CliTest.run("diff", old, neu, "--ignore", bad);
        assertThat(r.code()).isEqualTo(Main.INPUT_ERROR);
        assertThat(r.err()).contains(bad + ":1:10: 'profile' must be default or strict-clients");

        String unknown = write("unknown.yaml", "profile: default\nignores: []\n");
        r = CliTest.run("diff", old, neu, "--ignore", unknown);
        assertThat(r.code()).isEqualTo(Main.INPUT_ERROR);
        assertThat(r.err()).contains(unknown + ":2:10: unknown key 'ignores'");
    }

    private String write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text).toString();
    }
}
