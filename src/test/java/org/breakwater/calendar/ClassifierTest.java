package org.breakwater.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which imported events count as freezes or releases. */
class ClassifierTest {
    private static final Classifier DEFAULTS = Classifier.defaults();

    @Test
    void a_summary_with_freeze_in_any_case_is_a_freeze() {
        assertThat(DEFAULTS.classify("Beta Freeze (14:00 UTC)", List.of())).contains(WindowKind.FREEZE);
        assertThat(DEFAULTS.classify("string FREEZE", List.of())).contains(WindowKind.FREEZE);
        assertThat(DEFAULTS.classify("Infrastructure freezes", List.of())).contains(WindowKind.FREEZE);
    }

    @Test
    void release_ga_and_launch_make_a_release() {
        assertThat(DEFAULTS.classify("Fedora 21 Final Release", List.of())).contains(WindowKind.RELEASE);
        assertThat(DEFAULTS.classify("Fedora 21 GA", List.of())).contains(WindowKind.RELEASE);
        assertThat(DEFAULTS.classify("Fedora.next launch party", List.of())).contains(WindowKind.RELEASE);
    }

    @Test
    void ga_is_an_acronym_matched_as_a_whole_word_in_capitals() {
        assertThat(DEFAULTS.classify("Gateway maintenance", List.of())).isEmpty();
        assertThat(DEFAULTS.classify("Ga meeting", List.of())).isEmpty();
        assertThat(DEFAULTS.classify("Fedora 21 (GA)", List.of())).contains(WindowKind.RELEASE);
    }

    @Test
    void a_keyword_must_begin_a_word() {
        assertThat(DEFAULTS.classify("Unfreeze the build roots", List.of())).isEmpty();
    }

    @Test
    void freeze_wins_over_release_in_the_same_summary() {
        assertThat(DEFAULTS.classify("Freeze before the Beta release", List.of())).contains(WindowKind.FREEZE);
    }

    @Test
    void categories_count_as_well_as_the_summary() {
        assertThat(DEFAULTS.classify("Fedora 21 Beta", List.of("Milestone", "Release"))).contains(WindowKind.RELEASE);
        assertThat(DEFAULTS.classify("Mass rebuild", List.of("Milestone"))).isEmpty();
    }

    @Test
    void custom_keyword_lists_replace_the_defaults() {
        Classifier czech = new Classifier(List.of("zmrazení"), List.of("vydání"));
        assertThat(czech.classify("Zmrazení repozitářů", List.of())).contains(WindowKind.FREEZE);
        assertThat(czech.classify("Vydání Fedory 21", List.of())).contains(WindowKind.RELEASE);
        assertThat(czech.classify("Beta Freeze", List.of())).isEmpty();
    }

    @Test
    void a_fallback_kind_takes_every_event() {
        assertThat(Classifier.everything(WindowKind.FREEZE).classify("Mass rebuild", List.of())).contains(WindowKind.FREEZE);
    }
}
