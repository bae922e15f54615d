package org.breakwater.staging.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.breakwater.staging.replay.Difference.Kind;
import org.junit.jupiter.api.Test;

class BodyComparatorTest {
    private final BodyComparator comparator = new BodyComparator();

    private static Answer json(String body) {
        return new Answer(200, "application/json; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    private List<Difference> compare(String was, String is) {
        return comparator.compare(json(was), json(is));
    }

    @Test
    void a_renamed_value_is_a_value_change_at_its_json_path() {
        assertThat(compare("{\"acls\":[{\"branch\":\"devel\",\"n\":1}]}", "{\"acls\":[{\"branch\":\"master\",\"n\":1}]}"))
                .containsExactly(new Difference(Kind.VALUE_CHANGED, "$.acls[*].branch", "devel", "master"));
    }

    @Test
    void fields_added_and_removed_are_named_with_their_values() {
        assertThat(compare("{\"a\":1,\"b\":\"x\"}", "{\"a\":1,\"c\":true}")).containsExactly(
                new Difference(Kind.FIELD_REMOVED, "$.b", "x", ""),
                new Difference(Kind.FIELD_ADDED, "$.c", "", "true"));
    }

    @Test
    void a_type_change_names_both_types() {
        assertThat(compare("{\"id\":42}", "{\"id\":\"42\"}"))
                .containsExactly(new Difference(Kind.TYPE_CHANGED, "$.id", "number 42", "string 42"));
    }

    @Test
    void an_array_of_another_length_is_reported_and_its_common_elements_compared() {
        assertThat(compare("[1,2,3]", "[1,5]")).containsExactly(
                new Difference(Kind.ARRAY_LENGTH, "$", "3", "2"),
                new Difference(Kind.VALUE_CHANGED, "$[*]", "2", "5"));
    }

    @Test
    void field_order_whitespace_and_number_spelling_are_not_differences() {
        assertThat(compare("{\"a\":1.0,\"b\":[true,null]}", "{ \"b\" : [ true , null ], \"a\" : 1 }")).isEmpty();
    }

    @Test
    void numbers_differ_by_value_only_however_they_are_written() {
        assertThat(compare("[0, -0, 1e2, 100, 2.50, -3, 17]", "[-0, 0, 100, 1E+2, 2.5, -3.0, 17]")).isEmpty();
        assertThat(compare("{\"n\":1764900000,\"m\":[10,-1,0.1]}", "{\"m\":[1,1,0.10000001],\"n\":1764900007}"))
                .containsExactly(new Difference(Kind.VALUE_CHANGED, "$.n", "1764900000", "1764900007"),
                        new Difference(Kind.VALUE_CHANGED, "$.m[*]", "10", "1"),
                        new Difference(Kind.VALUE_CHANGED, "$.m[*]", "-1", "1"),
                        new Difference(Kind.VALUE_CHANGED, "$.m[*]", "0.1", "0.10000001"));
        assertThat(compare("{\"n\":12345678901234567890123}", "{\"n\":12345678901234567890124}")).singleElement()
                .extracting(Difference::kind).isEqualTo(Kind.VALUE_CHANGED);
    }

    @Test
    void an_odd_field_name_is_quoted_in_the_path() {
        assertThat(compare("{\"x y\":1}", "{\"x y\":2}").get(0).path()).isEqualTo("$['x y']");
    }

    @Test
    void a_status_change_is_reported_without_comparing_bodies() {
        List<Difference> d = comparator.compare(json("{\"a\":1}"), new Answer(404, "application/json", "{\"error\":1}".getBytes()));
        assertThat(d).containsExactly(new Difference(Kind.STATUS, "$", "200", "404"));
    }

    @Test
    void a_content_type_change_is_reported_and_its_parameters_ignored() {
        assertThat(comparator.compare(json("{}"), new Answer(200, "application/json", "{}".getBytes()))).isEmpty();
        assertThat(comparator.compare(json("{}"), new Answer(200, "text/html", "{}".getBytes())))
                .containsExactly(new Difference(Kind.CONTENT_TYPE, "$", "application/json", "text/html"));
    }

    @Test
    void a_body_that_is_not_json_on_one_side_is_unreadable_not_a_crash() {
        List<Difference> d = compare("{\"a\":1}", "{\"a\":");
        assertThat(d).hasSize(1);
        assertThat(d.get(0).kind()).isEqualTo(Kind.BODY_UNREADABLE);
        assertThat(d.get(0).was()).isEqualTo("JSON");
        assertThat(d.get(0).is()).startsWith("unreadable:");
    }

    @Test
    void non_json_bodies_are_compared_byte_for_byte() {
        assertThat(comparator.compare(new Answer(200, "text/plain", "a".getBytes()), new Answer(200, "text/plain", "bb".getBytes())))
                .containsExactly(new Difference(Kind.BODY_CHANGED, "$", "1 bytes", "2 bytes"));
    }

    @Test
    void an_unanswered_call_on_one_side_is_a_difference_and_on_both_sides_with_one_reason_is_not() {
        assertThat(comparator.compare(json("{}"), Answer.failed("connection refused")))
                .containsExactly(new Difference(Kind.NO_ANSWER, "$", "200", "connection refused"));
        assertThat(comparator.compare(Answer.failed("timed out"), Answer.failed("timed out"))).isEmpty();
    }

    @Test
    void a_body_changed_throughout_keeps_at_most_the_limit_of_differences() {
        StringBuilder a = new StringBuilder("[");
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < 500; i++) {
            a.append(i == 0 ? "" : ",").append(i);
            b.append(i == 0 ? "" : ",").append(i + 1);
        }
        assertThat(compare(a + "]", b + "]")).hasSize(BodyComparator.LIMIT);
    }

    @Test
    void noise_learned_from_two_baselines_hides_that_field_and_its_subtree_but_nothing_else() {
        Noise noise = new Noise();
        noise.learn(compare("{\"at\":\"10:00\",\"req\":{\"id\":1}}", "{\"at\":\"10:01\",\"req\":{\"id\":2}}"));
        List<Difference> candidate = compare("{\"at\":\"10:00\",\"req\":{\"id\":1},\"branch\":\"devel\"}",
                "{\"at\":\"10:02\",\"req\":{\"id\":3},\"branch\":\"master\"}");
        assertThat(noise.explain(candidate)).containsExactly(new Difference(Kind.VALUE_CHANGED, "$.branch", "devel", "master"));
        Noise objectNoise = new Noise(Set.of("$.req"));
        assertThat(objectNoise.explain(compare("{\"req\":{\"id\":1},\"reqs\":1}", "{\"req\":{\"id\":2},\"reqs\":2}")))
                .extracting(Difference::path).containsExactly("$.reqs");
    }

    @Test
    void configured_noise_may_use_wildcards_and_a_malformed_path_is_refused() {
        Noise noise = new Noise(Set.of("$.items[*].*"));
        assertThat(noise.explain(compare("{\"items\":[{\"a\":1}],\"b\":1}", "{\"items\":[{\"a\":2}],\"b\":2}")))
                .extracting(Difference::path).containsExactly("$.b");
        assertThatThrownBy(() -> new Noise(Set.of("items.id"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a JSON path");
    }

    @Test
    void a_difference_describes_itself_in_words() {
        assertThat(new Difference(Kind.VALUE_CHANGED, "$.branch", "devel", "master").describe())
                .isEqualTo("`$.branch` value changed: was `devel`, is `master`");
    }
}
