package org.breakwater.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.breakwater.apidiff.rule.Rules;
import org.junit.jupiter.api.Test;

/** The oasdiff parity table in docs/rules.md maps every check of oasdiff's rules.go, names only rules that exist, and says why wherever the levels differ. */
class OasdiffParityTest {

    @Test
    void every_breakwater_rule_in_the_parity_table_exists_in_the_catalogue() {
        for (OasdiffParity.Row row : OasdiffParity.rows()) {
            for (String id : row.rules()) {
                assertThat(Rules.find(id)).as("%s (line %d) names rule %s", row.check(), row.line(), id).isPresent();
            }
        }
    }

    @Test
    void every_row_whose_levels_differ_or_that_has_no_rule_gives_a_reason() {
        for (OasdiffParity.Row row : OasdiffParity.rows()) {
            if (row.differs()) {
                assertThat(row.reason()).as("%s (line %d): oasdiff %s, Breakwater %s", row.check(), row.line(),
                        row.level(), row.breakwaterLevels()).isNotBlank();
            }
        }
    }

    @Test
    void each_oasdiff_check_is_listed_once() {
        Set<String> seen = new HashSet<>();
        for (OasdiffParity.Row row : OasdiffParity.rows()) {
            assertThat(seen.add(row.check())).as("%s listed twice", row.check()).isTrue();
        }
    }

    @Test
    void every_check_id_of_oasdiffs_rules_go_is_mapped_with_its_level_and_nothing_else_is() throws IOException {
        Map<String, String> ids = oasdiffCheckIds();
        Map<String, String> mapped = new LinkedHashMap<>();
        OasdiffParity.rows().forEach(r -> mapped.put(r.check(), r.level().name()));
        assertThat(ids).hasSize(271);
        assertThat(mapped.keySet()).as("oasdiff checks not mapped").containsAll(ids.keySet());
        assertThat(ids.keySet()).as("rows naming no check of rules.go").containsAll(mapped.keySet());
        ids.forEach((id, level) -> assertThat(mapped.get(id)).as("oasdiff's level of %s", id).isEqualTo(level));
    }

    /** Check id to its level (as a Breakwater level name), from the list taken from oasdiff's rules.go. */
    private static Map<String, String> oasdiffCheckIds() throws IOException {
        Map<String, String> ids = new LinkedHashMap<>();
        try (InputStream in = OasdiffParityTest.class.getResourceAsStream("oasdiff-check-ids.txt")) {
            assertThat(in).as("oasdiff-check-ids.txt").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] cells = line.split("\t");
                    String level = OasdiffParity.parse(cells[0] + "\t" + cells[1] + "\t-\tx\n").get(0).level().name();
                    assertThat(ids.put(cells[0], level)).as("%s listed twice", cells[0]).isNull();
                }
            }
        }
        return ids;
    }

    @Test
    void a_row_naming_an_unknown_rule_is_caught() {
        List<OasdiffParity.Row> rows = OasdiffParity.parse("x-check\terror\tno-such-rule\t\n");
        assertThat(rows.get(0).rules()).allSatisfy(id -> assertThat(Rules.find(id)).isEmpty());
        assertThat(rows.get(0).differs()).isTrue();
        assertThatThrownBy(() -> OasdiffParity.parse("x-check\terror\n")).hasMessageContaining("4 tab-separated columns");
    }
}
