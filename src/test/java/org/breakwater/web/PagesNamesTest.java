package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.breakwater.catalog.AffectedConsumer;
import org.breakwater.catalog.Consumer;
import org.breakwater.catalog.ConsumerKind;
import org.junit.jupiter.api.Test;

class PagesNamesTest {
    static List<AffectedConsumer> consumers(int n) {
        return IntStream.range(0, n).mapToObj(i -> new AffectedConsumer(new Consumer("script-" + i, ConsumerKind.values()[0],
                Optional.empty(), "qa", Optional.empty(), Optional.empty(), List.of()), 1, List.of("pkgdb"), List.of()))
                .toList();
    }

    @Test
    void a_cell_names_at_most_thirty_consumers_and_says_where_the_rest_are() {
        assertThat(Pages.names(consumers(2), 7)).isEqualTo("script-0, script-1");
        assertThat(Pages.names(consumers(Pages.NAMES_SHOWN), 7)).doesNotContain("more");
        String many = Pages.names(consumers(8_358), 7);
        assertThat(many).contains("script-29 … and 8328 more (all of them: GET /api/v1/plans/7)")
                .doesNotContain("script-30,");
    }
}
