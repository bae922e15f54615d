package org.breakwater.apidiff.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.breakwater.apidiff.report.SampleReports.render;

import java.util.Arrays;
import java.util.List;
import org.breakwater.apidiff.rule.Rules;
import org.breakwater.apidiff.spec.Source;
import org.junit.jupiter.api.Test;

class GithubRendererTest {
    private final GithubRenderer renderer = new GithubRenderer();

    @Test
    void each_finding_is_one_annotation_whose_command_follows_its_level() throws Exception {
        List<String> lines = lines(render(renderer, SampleReports.mixed()));

        assertThat(lines).hasSize(1 + 5 + 1);
        assertThat(lines.get(0)).startsWith("::notice title=breakwater::ignore entry at .breakwater-ignore.yaml:3 (endpoint-removed GET /x)");
        assertThat(lines.subList(1, 6)).extracting(l -> l.substring(0, l.indexOf(' ')))
                .containsExactly("::error", "::error", "::warning", "::notice", "::notice");
    }

    @Test
    void an_annotation_points_at_file_line_and_column_and_is_titled_by_the_rule() throws Exception {
        List<String> lines = lines(render(renderer, SampleReports.mixed()));

        assertThat(lines.get(1)).isEqualTo("::error file=old.yaml,line=12,col=5,title=endpoint-removed::"
                + "GET /packages removed%0Aat /paths/~1packages/get (old description)");
        assertThat(lines.get(3)).isEqualTo("::warning file=new.yaml,line=20,col=7,title=operation-id-changed::"
                + "GET /packages/{name}: operationId getPackage → packageInfo%0Aat /paths/~1packages~1{name}/get/operationId");
    }

    @Test
    void line_and_column_are_left_out_when_the_line_is_unknown() throws Exception {
        Finding known = new Finding(Rules.SERVER_ADDED, "", new Source("new.yaml", "/servers/1", 0, 0), false, "server added");
        Finding nowhere = new Finding(Rules.SERVER_ADDED, "", Source.NONE, false, "server added");
        List<String> lines = lines(render(renderer, new Report("o", "n", "", "", List.of(known, nowhere), List.of(), List.of())));

        assertThat(lines.get(0)).isEqualTo("::notice file=new.yaml,title=server-added::server added%0Aat /servers/1");
        assertThat(lines.get(1)).isEqualTo("::notice title=server-added::server added");
    }

    @Test
    void messages_and_properties_are_escaped_so_they_cannot_start_another_command() throws Exception {
        Finding f = new Finding(Rules.ENDPOINT_REMOVED, "GET /a", new Source("C:\\specs\\a,b%.yaml", "", 3, 1), true,
                "100% gone\r\n::set-output name=x::y");
        List<String> lines = lines(render(renderer, new Report("o", "n", "", "", List.of(f), List.of(), List.of())));

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("::error file=C%3A\\specs\\a%2Cb%25.yaml,line=3,col=1,title=endpoint-removed::"
                + "GET /a: 100%25 gone%0D%0A::set-output name=x::y");
    }

    @Test
    void the_escapes_follow_githubs_rules() {
        assertThat(GithubRenderer.data("a%b\rc\nd:e,f")).isEqualTo("a%25b%0Dc%0Ad:e,f");
        assertThat(GithubRenderer.property("a%b\rc\nd:e,f")).isEqualTo("a%25b%0Dc%0Ad%3Ae%2Cf");
    }

    @Test
    void the_output_ends_with_a_plain_summary_line() throws Exception {
        String out = render(renderer, SampleReports.mixed());

        assertThat(out).endsWith("\nbreakwater: 2 breaking, 1 warning, 2 info (1 ignored)\n");
        assertThat(lines(render(renderer, SampleReports.empty()))).containsExactly("breakwater: 0 breaking, 0 warning, 0 info");
    }

    @Test
    void the_twilio_messaging_diff_gives_one_line_per_finding() throws Exception {
        Report report = SampleReports.twilioMessaging();
        Summary s = report.summary();

        List<String> lines = lines(render(renderer, report));

        assertThat(lines).hasSize(s.total() + 1);
        assertThat(lines).filteredOn(l -> l.startsWith("::error file=")).hasSize(s.breaking());
        assertThat(lines).filteredOn(l -> l.startsWith("::warning file=")).hasSize(s.warning());
        assertThat(lines).filteredOn(l -> l.startsWith("::notice file=")).hasSize(s.info());
        assertThat(lines).allSatisfy(l -> assertThat(l).doesNotContain("\r"));
        assertThat(lines.get(lines.size() - 1)).startsWith("breakwater: " + s.breaking() + " breaking");
    }

    private static List<String> lines(String out) {
        assertThat(out).endsWith("\n");
        return Arrays.asList(out.substring(0, out.length() - 1).split("\n", -1));
    }
}
