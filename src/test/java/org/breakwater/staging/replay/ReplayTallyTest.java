package org.breakwater.staging.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayTallyTest {
    private static Answer json(String body) {
        return new Answer(200, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_call_whose_array_shows_a_difference_in_every_element_counts_as_one_call_of_that_difference() {
        List<Difference> five = new BodyComparator().compare(
                json("{\"acls\":[{\"branch\":\"devel\"},{\"branch\":\"devel\"},{\"branch\":\"devel\"},{\"branch\":\"devel\"},{\"branch\":\"devel\"}]}"),
                json("{\"acls\":[{\"branch\":\"master\"},{\"branch\":\"master\"},{\"branch\":\"master\"},{\"branch\":\"master\"},{\"branch\":\"master\"}]}"));
        assertThat(five).hasSize(5);
        ReplayTally tally = new ReplayTally(new Noise());
        tally.add(new ReplayCall("pkgdb", "GET /acls/{}", "bodhi", true, "GET", "/acls/a", 1), five, List.of());
        tally.add(new ReplayCall("pkgdb", "GET /acls/{}", "bodhi", true, "GET", "/acls/b", 1), five.subList(0, 2), List.of());
        tally.add(new ReplayCall("pkgdb", "GET /acls/{}", "fedpkg", false, "GET", "/acls/c", 1), List.of(), List.of());
        assertThat(tally.groups()).singleElement().satisfies(g -> {
            assertThat(g.path()).isEqualTo("$.acls[*].branch");
            assertThat(g.calls()).isEqualTo(2);
            assertThat(g.callers()).containsExactly(new DifferenceGroup.CallerCalls("bodhi", true, 2));
            assertThat(g.byCaller()).containsExactly(
                    "bodhi: 2 sampled calls to GET /acls/{}: `$.acls[*].branch` value changed: was `devel`, is `master`");
        });
        assertThat(tally.counts().calls()).isEqualTo(3);
        assertThat(tally.counts().differing()).isEqualTo(2);
    }
}
