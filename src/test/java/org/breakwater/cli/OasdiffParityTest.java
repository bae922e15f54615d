package org.breakwater.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.breakwater.apidiff.rule.Rules;
import org.junit.jupiter.api.Test;

/** The oasdiff parity table in docs/rules.md names only rules that exist, and says why wherever the levels differ. */
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
    void a_row_naming_an_unknown_rule_is_caught() {
        List<OasdiffParity.Row> rows = OasdiffParity.parse("x-check\terror\tno-such-rule\t\n");
        assertThat(rows.get(0).rules()).allSatisfy(id -> assertThat(Rules.find(id)).isEmpty());
        assertThat(rows.get(0).differs()).isTrue();
        assertThatThrownBy(() -> OasdiffParity.parse("x-check\terror\n")).hasMessageContaining("4 tab-separated columns");
    }
}
