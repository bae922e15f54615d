package org.breakwater.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.breakwater.meeting.ItemMatch.Ambiguous;
import org.breakwater.meeting.ItemMatch.Matched;
import org.breakwater.meeting.ItemMatch.Unmatched;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Minutes items tied to plans and services: reference, then service name, then plan title; never a guess. */
class MinutesMatcherTest {
    static final PlanCandidate PKGDB2 = new PlanCandidate(12, "pkgdb2 2.0 rollout", List.of("pkgdb2", "fas"));
    static final PlanCandidate FEDOCAL = new PlanCandidate(13, "fedocal API cleanup", List.of("fedocal"));
    static final PlanCandidate MOVE = new PlanCandidate(15, "Summer datacentre move", List.of("mirrormanager"));
    static final MatchCandidates CANDIDATES = new MatchCandidates(List.of(PKGDB2, FEDOCAL, MOVE),
            List.of("pkgdb2", "fas", "fedocal", "koji", "wiki", "mirrormanager"));
    private final MinutesMatcher matcher = new MinutesMatcher();

    private List<ItemMatch> match(MatchCandidates candidates, String... agreed) {
        List<MinutesItem> items = new ArrayList<>();
        for (int i = 0; i < agreed.length; i++) {
            items.add(new MinutesItem(ItemKind.AGREED, agreed[i], "nirik", LocalTime.of(18, 10, i), 10 + i));
        }
        Minutes m = new Minutes("Infrastructure", Optional.empty(), LocalDate.of(2014, 6, 5), LocalTime.of(18, 0),
                Optional.of(LocalTime.of(19, 0)), "nirik", List.of("nirik"), List.of("nirik"), items,
                MinutesFormat.TEXT_LOG);
        return matcher.match(m, candidates);
    }

    private ItemMatch one(String agreed) {
        List<ItemMatch> all = match(CANDIDATES, agreed);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void the_2014_meetings_minutes_match_the_pkgdb2_plan_by_reference_and_classify_fedocal() {
        List<ItemMatch> all = matcher.match(MinutesReaderTest.minutes(".txt"), CANDIDATES);
        assertThat(all).extracting(ItemMatch::describe).containsExactly(
                "line 20: INFO \"pkgdb2 in staging, feedback welcome\" -> service pkgdb2 (by service name)",
                "line 21: INFO \"fas 0.8.19 & pkgdb2 go out together\" -> ambiguous, a person must pick one of: "
                        + "service pkgdb2, service fas",
                "line 25: TOPIC \"pkgdb2 deployment date (BW-12)\" -> plan BW-12 (pkgdb2 2.0 rollout) (by reference)",
                "line 26: AGREED \"BW-12 pkgdb2 deployment on 2014-06-09 (fas 0.8.19 goes out with it)\" -> "
                        + "plan BW-12 (pkgdb2 2.0 rollout) (by reference): deployment on 2014-06-09",
                "line 28: ACTION \"pingou to send the pkgdb2 outage announcement to infrastructure and devel-announce\""
                        + " -> service pkgdb2 (by service name)",
                "line 30: HELP \"someone to review the fas 0.8.19 changelog before monday\" -> service fas (by service name)",
                "line 33: TOPIC \"fedocal: essential or not?\" -> service fedocal (by service name)",
                "line 34: AGREED \"fedocal is not essential\" -> service fedocal (by service name): "
                        + "the policy does not apply to fedocal (exempt)",
                "line 35: IDEA \"publish the fedocal API schema so consumers can check it\" -> service fedocal (by service name)",
                "line 39: AGREED \"smooge runs next week's meeting if nirik is travelling\" -> not matched: "
                        + "names no plan (BW-n), service or plan title that Breakwater knows");
    }

    @ParameterizedTest
    @ValueSource(strings = {".html", ".log.txt", ".log.html"})
    void every_format_of_the_meeting_matches_the_same_way(String ext) {
        assertThat(withoutLines(matcher.match(MinutesReaderTest.minutes(ext), CANDIDATES)))
                .containsExactlyElementsOf(withoutLines(matcher.match(MinutesReaderTest.minutes(".txt"), CANDIDATES)));
    }

    @Test
    void a_reference_wins_over_the_service_names_in_the_same_line() {
        Matched m = (Matched) one("BW-13 goes out after pkgdb2 and fas, deployment on 2014-06-16");
        assertThat(m.target()).isEqualTo(new Target.PlanTarget(FEDOCAL));
        assertThat(m.by()).isEqualTo(MatchedBy.REFERENCE);
        assertThat(m.decision()).contains(new Decision.DeploymentDate(LocalDate.of(2014, 6, 16)));
    }

    @Test
    void references_are_matched_whatever_their_case() {
        assertThat(((Matched) one("bw-12 deploys on 2014-06-09")).target()).isEqualTo(new Target.PlanTarget(PKGDB2));
    }

    @Test
    void a_deployment_date_by_service_name_goes_to_the_one_plan_that_ships_it() {
        Matched m = (Matched) one("pkgdb2 deployment on 2014-06-09");
        assertThat(m.target()).isEqualTo(new Target.PlanTarget(PKGDB2));
        assertThat(m.by()).isEqualTo(MatchedBy.SERVICE_NAME);
        assertThat(m.decision()).contains(new Decision.DeploymentDate(LocalDate.of(2014, 6, 9)));
    }

    @Test
    void two_services_shipped_by_the_same_plan_are_one_match() {
        assertThat(one("pkgdb2 and fas deploy together on 2014-06-09")).isInstanceOf(Matched.class);
    }

    @Test
    void a_service_shipped_by_two_plans_is_ambiguous_and_waits_for_a_person() {
        PlanCandidate hotfix = new PlanCandidate(16, "pkgdb2 hotfix", List.of("pkgdb2"));
        MatchCandidates both = new MatchCandidates(List.of(PKGDB2, hotfix), List.of("pkgdb2", "fas"));
        ItemMatch m = match(both, "pkgdb2 deployment on 2014-06-09").get(0);
        assertThat(m).isInstanceOf(Ambiguous.class);
        Ambiguous a = (Ambiguous) m;
        assertThat(a.candidates()).containsExactly(new Target.PlanTarget(PKGDB2), new Target.PlanTarget(hotfix));
        assertThat(a.decision()).contains(new Decision.DeploymentDate(LocalDate.of(2014, 6, 9)));
        assertThat(a.line()).isEqualTo(10);
    }

    @Test
    void two_references_in_one_line_are_ambiguous() {
        assertThat(one("BW-12 and BW-13 deploy on 2014-06-09")).isInstanceOf(Ambiguous.class);
    }

    @Test
    void a_plan_is_matched_by_its_title_when_no_reference_or_service_is_named() {
        Matched m = (Matched) one("the summer datacentre move deployment on 2014-07-01");
        assertThat(m.target()).isEqualTo(new Target.PlanTarget(MOVE));
        assertThat(m.by()).isEqualTo(MatchedBy.PLAN_TITLE);
    }

    @Test
    void an_agreed_line_naming_no_known_service_is_reported_unmatched() {
        assertThat(one("we all love the new badges")).isEqualTo(new Unmatched(
                new MinutesItem(ItemKind.AGREED, "we all love the new badges", "nirik", LocalTime.of(18, 10), 10),
                "names no plan (BW-n), service or plan title that Breakwater knows"));
    }

    @Test
    void a_reference_to_no_known_plan_is_reported_unmatched() {
        assertThat(((Unmatched) one("BW-99 deploys on 2014-06-09")).reason()).isEqualTo("BW-99 names no plan Breakwater knows");
    }

    @Test
    void classifying_an_unknown_service_is_reported_unmatched() {
        assertThat(((Unmatched) one("fedocall is not essential")).reason())
                .isEqualTo("'fedocall' is not a service in the catalog");
    }

    @Test
    void a_deployment_date_for_a_service_no_plan_ships_is_reported_unmatched() {
        assertThat(((Unmatched) one("wiki deployment on 2014-06-09")).reason()).isEqualTo("no plan ships wiki");
    }

    @Test
    void the_classification_grammar_reads_essential_not_essential_exempt_and_policy_applies() {
        assertThat(classification("fedocal is essential")).isEqualTo(new Decision.Classification("fedocal", true));
        assertThat(classification("FEDOCAL is NOT essential, revisit next year"))
                .isEqualTo(new Decision.Classification("fedocal", false));
        assertThat(classification("the wiki is exempt")).isEqualTo(new Decision.Classification("wiki", false));
        assertThat(classification("policy applies to koji")).isEqualTo(new Decision.Classification("koji", true));
        assertThat(classification("The policy does not apply to wiki")).isEqualTo(new Decision.Classification("wiki", false));
        assertThat(new Decision.Classification("wiki", false).decision()).isEqualTo("exempt");
    }

    @Test
    void two_dates_in_one_deployment_decision_are_reported_not_guessed() {
        assertThat(((Unmatched) one("pkgdb2 deployment on 2014-06-09 or 2014-06-16")).reason())
                .isEqualTo("names more than one date (2014-06-09, 2014-06-16): agree on one deployment date per line");
        assertThat(((Unmatched) one("pkgdb2 deployment on 2014-02-30")).reason())
                .isEqualTo("2014-02-30 is not a day of the calendar");
    }

    @Test
    void service_names_match_whole_words_in_any_case_only() {
        assertThat(MinutesMatcher.named("FEDOCAL is fine", "fedocal")).isTrue();
        assertThat(MinutesMatcher.named("fedocal2 is new", "fedocal")).isFalse();
        assertThat(MinutesMatcher.named("my-fedocal is new", "fedocal")).isFalse();
        assertThat(MinutesMatcher.named("ask fedocal's owners.", "fedocal")).isTrue();
        assertThat(MinutesMatcher.named("the Summer  Datacentre move", "summer datacentre move")).isTrue();
    }

    @Test
    void an_address_in_an_item_names_no_service_even_when_its_path_does() {
        MinutesItem link = new MinutesItem(ItemKind.LINK, "https://fedoraproject.org/wiki/Infrastructure/fedocal",
                "nirik", LocalTime.of(18, 3), 22);
        assertThat(matcher.match(link, CANDIDATES)).isEmpty();
        assertThat(((Matched) one("wiki is essential, see https://fedoraproject.org/wiki/Policy")).decision())
                .contains(new Decision.Classification("wiki", true));
    }

    @Test
    void items_other_than_agreed_that_name_nothing_are_left_out() {
        MinutesItem topic = new MinutesItem(ItemKind.TOPIC, "aloha", "nirik", LocalTime.of(18, 0), 3);
        assertThat(matcher.match(topic, CANDIDATES)).isEmpty();
    }

    private Decision classification(String agreed) {
        return ((Matched) one(agreed)).decision().orElseThrow();
    }

    private static List<String> withoutLines(List<ItemMatch> matches) {
        return matches.stream().map(m -> m.describe().replaceFirst("^line \\d+: ", "")).toList();
    }

    @Test
    void an_agreed_freeze_break_approval_is_a_decision_on_the_plan_it_names() {
        assertThat(one("freeze break approved for BW-12, pkgdb2 goes out on monday").describe())
                .endsWith("-> plan BW-12 (pkgdb2 2.0 rollout) (by reference): freeze break approved");
        assertThat(one("freeze-break for fedocal approved")).isInstanceOf(Matched.class)
                .satisfies(m -> assertThat(((Matched) m).decision()).contains(new Decision.FreezeBreak()));
        assertThat(one("we talked about the freeze break for BW-12").describe()).as("no approval said: no decision")
                .doesNotContain("freeze break approved");
    }
}
