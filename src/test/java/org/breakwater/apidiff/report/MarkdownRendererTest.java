package org.breakwater.apidiff.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.breakwater.apidiff.report.SampleReports.render;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {
    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void the_headline_gives_the_counts_with_breaking_in_bold() throws Exception {
        String md = render(renderer, SampleReports.mixed());

        assertThat(md).contains("**2 breaking**, 1 warning, 2 info (1 ignored)");
        assertThat(md).contains("`old.yaml` (1.0.0) → `new.yaml` (2.0.0)");
    }

    @Test
    void breaking_comes_first_then_warnings_and_info_is_folded_in_details() throws Exception {
        String md = render(renderer, SampleReports.mixed());

        int breaking = md.indexOf("#### Breaking (2)");
        int warning = md.indexOf("#### Warning (1)");
        int info = md.indexOf("<details>\n<summary>Info (2)</summary>");
        assertThat(breaking).isPositive();
        assertThat(warning).isGreaterThan(breaking);
        assertThat(info).isGreaterThan(warning);
        assertThat(md.indexOf("</details>", info)).isGreaterThan(md.indexOf("server https://b.example added"));
    }

    @Test
    void each_level_has_a_table_with_one_row_per_finding() throws Exception {
        String md = render(renderer, SampleReports.mixed());

        assertThat(rowsBySection(md)).containsExactly(
                Map.entry("Breaking", 2), Map.entry("Warning", 1), Map.entry("Info", 2), Map.entry("Ignored", 1));
        assertThat(md).contains("| Operation | Change | Rule | Where |");
    }

    @Test
    void a_row_gives_operation_change_rule_and_file_and_line() throws Exception {
        String md = render(renderer, SampleReports.mixed());

        assertThat(md).contains("| GET /packages | GET /packages removed | `endpoint-removed` | old.yaml:12 |");
        assertThat(md).contains("| (whole API) | server https://b.example added | `server-added` |  |");
    }

    @Test
    void cells_escape_pipes_backticks_angle_brackets_and_newlines() throws Exception {
        String md = render(renderer, SampleReports.oneBreaking("GET /a|b", "x | y `z` <script>alert(1)</script>\r\nnext\nline"));

        assertThat(md).contains("| GET /a\\|b | x \\| y \\`z\\` &lt;script&gt;alert(1)&lt;/script&gt;<br>next<br>line |");
        assertThat(md).doesNotContain("<script>");
        assertThat(rowsBySection(md)).containsEntry("Breaking", 1);
    }

    @Test
    void ignored_findings_and_notices_are_mentioned() throws Exception {
        String md = render(renderer, SampleReports.mixed());

        assertThat(md).contains("<summary>Ignored (1)</summary>");
        assertThat(md).contains("| GET /search | query parameter \\`branch\\` removed | `request-parameter-removed` "
                + "| pkgdb-cli 2.0 no longer sends it |");
        assertThat(md).contains("> **Note:** ignore entry at .breakwater-ignore.yaml:3 (endpoint-removed GET /x) expired");
    }

    @Test
    void a_report_without_changes_says_so_and_has_no_tables() throws Exception {
        String md = render(renderer, SampleReports.empty());

        assertThat(md).contains("0 breaking, 0 warnings, 0 info").contains("No changes found.");
        assertThat(md).doesNotContain("| Operation |");
    }

    @Test
    void the_twilio_messaging_diff_has_one_row_per_finding_in_each_level() throws Exception {
        Report report = SampleReports.twilioMessaging();
        Summary s = report.summary();

        String md = render(new MarkdownRenderer(Integer.MAX_VALUE), report);

        Map<String, Integer> rows = rowsBySection(md);
        assertThat(rows.getOrDefault("Breaking", 0)).isEqualTo(s.breaking());
        assertThat(rows.getOrDefault("Warning", 0)).isEqualTo(s.warning());
        assertThat(rows.getOrDefault("Info", 0)).isEqualTo(s.info());
        assertThat(md).contains("**" + s.breaking() + " breaking**");
    }

    @Test
    void a_report_too_large_for_one_comment_keeps_breaking_rows_and_counts_the_rest() throws Exception {
        Report report = SampleReports.twilioMessaging();
        Summary s = report.summary();

        String md = render(renderer, report);

        assertThat(md.length()).isLessThan(65_536);
        Map<String, Integer> rows = rowsBySection(md);
        assertThat(rows.getOrDefault("Breaking", 0)).isEqualTo(s.breaking());
        int missing = s.total() - rows.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(missing).isPositive();
        assertThat(md).contains("more info findings, too many for one comment");
    }

    /** Table rows under each section heading (or {@code <summary>}), header and delimiter rows left out. */
    private static Map<String, Integer> rowsBySection(String md) {
        Map<String, Integer> rows = new LinkedHashMap<>();
        String section = null;
        for (String line : md.split("\n", -1)) {
            if (line.startsWith("#### ")) {
                section = line.substring(5, line.indexOf(' ', 5));
            } else if (line.startsWith("<summary>")) {
                section = line.substring(9, line.indexOf(' ', 9));
            } else if (line.startsWith("| ") && !line.startsWith("| Operation |") && !line.startsWith("| --- ")) {
                rows.merge(section, 1, Integer::sum);
            }
        }
        return rows;
    }
}
