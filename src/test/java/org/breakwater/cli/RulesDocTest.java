package org.breakwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/rules.md is generated from the catalogue; this keeps the two from drifting apart. */
class RulesDocTest {
    @Test
    void docs_rules_md_matches_the_rule_catalogue() throws Exception {
        String expected = RulesCommand.markdown(null);
        Path doc = Path.of("docs/rules.md");
        String actual = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "";
        assertThat(actual)
                .as("docs/rules.md is out of date: regenerate it with ./breakwater rules --markdown > docs/rules.md")
                .isEqualTo(expected);
    }
}
