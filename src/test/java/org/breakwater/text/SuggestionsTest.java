package org.breakwater.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    @Test
    void a_swapped_pair_of_letters_or_one_wrong_letter_finds_the_name_meant() {
        assertThat(Suggestions.closest("firefigther", List.of("firefighter", "contact:qa"))).contains("firefighter");
        assertThat(Suggestions.closest("contact:qaa", List.of("firefighter", "contact:qa"))).contains("contact:qa");
        assertThat(Suggestions.didYouMean("bodhi-pkgdb-clent", List.of("bodhi-client", "bodhi-pkgdb-client")))
                .isEqualTo("; did you mean 'bodhi-pkgdb-client'?");
    }

    @Test
    void a_name_far_from_every_known_one_gets_no_suggestion() {
        assertThat(Suggestions.closest("koji", List.of("firefighter", "contact:qa"))).isEmpty();
        assertThat(Suggestions.didYouMean("anything", List.of())).isEmpty();
    }
}
