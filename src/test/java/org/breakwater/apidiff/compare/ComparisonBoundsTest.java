package org.breakwater.apidiff.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.breakwater.apidiff.ApiDiff;
import org.breakwater.apidiff.DiffOptions;
import org.breakwater.apidiff.report.Finding;
import org.breakwater.apidiff.report.Format;
import org.breakwater.apidiff.report.Report;
import org.breakwater.apidiff.report.Summary;
import org.breakwater.apidiff.rule.Level;
import org.breakwater.apidiff.spec.ApiSpec;
import org.breakwater.apidiff.spec.ReadLimits;
import org.junit.jupiter.api.Test;

/**
 * The comparison's own bounds: a report lists at most so many findings (the most severe kept,
 * the rest counted and said so in every format), a comparison has a step budget, and a server
 * can give one up when its time is over.
 */
class ComparisonBoundsTest {
    private static ApiDiff diff(long maxSteps, int maxFindings) {
        return new ApiDiff(new DiffOptions(ReadLimits.defaults(), Clock.systemUTC(),
                new CompareLimits(maxSteps, maxFindings)));
    }

    /** One response schema with the given properties, each a string. */
    private static ApiSpec spec(ApiDiff diff, String name, String... properties) throws Exception {
        String props = java.util.Arrays.stream(properties).map(p -> p + ": {type: string}")
                .collect(Collectors.joining(", "));
        return diff.reader().parse("openapi: 3.0.3\ninfo: {title: t, version: \"1\"}\npaths:\n  /a:\n    get:\n"
                + "      responses:\n        \"200\":\n          description: ok\n          content:\n"
                + "            application/json:\n              schema: {type: object, properties: {" + props + "}}\n",
                name);
    }

    private static String[] names(String prefix, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> prefix + i).toArray(String[]::new);
    }

    /** Old: p0..p19. New: p3..p19 and q0..q19 (3 removed: breaking; 20 added: info). */
    private static Report threeBreakingTwentyInfo(ApiDiff diff) throws Exception {
        ApiSpec old = spec(diff, "old.yaml", names("p", 0, 20));
        String[] kept = names("p", 3, 20);
        String[] added = names("q", 0, 20);
        String[] now = java.util.stream.Stream.concat(java.util.Arrays.stream(kept), java.util.Arrays.stream(added))
                .toArray(String[]::new);
        return diff.compare(old, spec(diff, "new.yaml", now));
    }

    private static String render(Report report, Format format) throws Exception {
        StringWriter out = new StringWriter();
        format.renderer().render(report, out);
        return out.toString();
    }

    @Test
    void a_report_over_the_findings_limit_keeps_the_most_severe_and_counts_the_rest() throws Exception {
        Report report = threeBreakingTwentyInfo(diff(1_000_000, 5));

        assertThat(report.findings()).hasSize(5);
        assertThat(report.findings()).extracting(Finding::level)
                .containsExactly(Level.BREAKING, Level.BREAKING, Level.BREAKING, Level.INFO, Level.INFO);
        assertThat(report.omitted()).isEqualTo(new Summary(0, 0, 18));
        assertThat(report.summary()).as("the totals count what is not listed").isEqualTo(new Summary(3, 0, 20));
        assertThat(report.truncated()).isTrue();
    }

    @Test
    void with_more_breaking_findings_than_the_limit_the_verdict_still_counts_the_ones_not_listed() throws Exception {
        Report report = threeBreakingTwentyInfo(diff(1_000_000, 2));

        assertThat(report.findings()).extracting(Finding::level).containsOnly(Level.BREAKING);
        assertThat(report.omitted()).isEqualTo(new Summary(1, 0, 20));
        assertThat(report.reaches(Level.BREAKING)).isTrue();
    }

    @Test
    void a_report_within_the_limit_is_whole_and_says_nothing_of_truncation() throws Exception {
        Report report = threeBreakingTwentyInfo(diff(1_000_000, 23));

        assertThat(report.findings()).hasSize(23);
        assertThat(report.truncated()).isFalse();
        assertThat(render(report, Format.JSON)).contains("\"truncated\" : false");
        assertThat(report.notices()).isEmpty();
    }

    @Test
    void every_output_format_says_that_a_report_is_truncated_and_by_how_much() throws Exception {
        Report report = threeBreakingTwentyInfo(diff(1_000_000, 5));
        String sentence = "the report is truncated: it lists 5 findings, the most severe first;"
                + " 18 more were found and are not listed (0 breaking, 0 warning, 18 info)";

        for (Format format : Format.values()) {
            assertThat(render(report, format)).as(format.id()).contains(sentence);
        }
        assertThat(render(report, Format.JSON)).contains("\"truncated\" : true")
                .contains("\"omitted\" : {\n    \"breaking\" : 0,\n    \"warning\" : 0,\n    \"info\" : 18\n  }");
        assertThat(render(report, Format.JUNIT)).contains("<property name=\"truncated\"");
    }

    @Test
    void a_comparison_that_runs_out_of_steps_ends_with_a_breaking_comparison_incomplete_finding() throws Exception {
        Report report = threeBreakingTwentyInfo(diff(10, 10_000));

        Finding stop = report.findings().get(0);
        assertThat(stop.id()).isEqualTo("comparison-incomplete");
        assertThat(stop.level()).isEqualTo(Level.BREAKING);
        assertThat(stop.message()).contains("stopped after 10 steps").contains("treat the release as breaking");
        assertThat(report.findings()).as("what was found before the stop is kept").hasSizeLessThan(23);
    }

    @Test
    void a_comparison_given_no_time_is_given_up_and_says_so() throws Exception {
        ApiDiff diff = diff(1_000_000, 10_000);
        ApiSpec old = spec(diff, "old.yaml", names("p", 0, 6000));
        ApiSpec now = spec(diff, "new.yaml", names("q", 0, 6000));

        ApiDiff.Timed outcome = diff.compareWithin(old, now, Duration.ZERO);
        ApiDiff.Timed inTime = diff.compareWithin(old, now, Duration.ofDays(1));

        assertThat(outcome).isInstanceOf(ApiDiff.Timed.OutOfTime.class);
        assertThat(((ApiDiff.Timed.OutOfTime) outcome).message()).contains("ran past its time limit");
        assertThat(inTime).isInstanceOf(ApiDiff.Timed.Done.class);
        assertThat(((ApiDiff.Timed.Done) inTime).report().findings()).hasSize(10_000);
    }
}
