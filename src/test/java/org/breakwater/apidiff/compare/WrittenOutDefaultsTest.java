package org.breakwater.apidiff.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.breakwater.apidiff.compare.Descriptions.V30;
import static org.breakwater.apidiff.compare.Descriptions.V31;
import static org.breakwater.apidiff.compare.Descriptions.compare;
import static org.breakwater.apidiff.compare.Descriptions.requestBody;
import static org.breakwater.apidiff.compare.Descriptions.responseBody;

import org.breakwater.apidiff.report.Finding;
import org.breakwater.apidiff.rule.Level;
import org.junit.jupiter.api.Test;

/** A keyword written out with the value it has anyway restricts nothing: writing it or dropping it is quiet. */
class WrittenOutDefaultsTest {

    @Test
    void multiple_of_one_on_an_integer_is_the_default_written_out() throws Exception {
        assertThat(compare(requestBody(V30, "{type: integer}"), requestBody(V30, "{type: integer, multipleOf: 1}"))).isEmpty();
        assertThat(compare(responseBody(V30, "{type: integer, multipleOf: 1}"), responseBody(V30, "{type: integer}"))).isEmpty();
        assertThat(compare(requestBody(V31, "{type: [integer, 'null']}"), requestBody(V31, "{type: [integer, 'null'], multipleOf: 0.5}")))
                .isEmpty();
    }

    @Test
    void multiple_of_one_on_a_number_still_limits_it_to_whole_numbers() throws Exception {
        assertThat(compare(requestBody(V30, "{type: number}"), requestBody(V30, "{type: number, multipleOf: 1}")))
                .extracting(Finding::id, Finding::level)
                .containsExactly(tuple("request-property-multiple-of-added", Level.BREAKING));
    }

    @Test
    void a_real_divisor_after_multiple_of_one_on_an_integer_is_a_divisor_added() throws Exception {
        assertThat(compare(requestBody(V30, "{type: integer, multipleOf: 1}"), requestBody(V30, "{type: integer, multipleOf: 5}")))
                .extracting(Finding::id, Finding::level)
                .containsExactly(tuple("request-property-multiple-of-added", Level.BREAKING));
        assertThat(compare(requestBody(V30, "{type: integer, multipleOf: 0}"), requestBody(V30, "{type: integer}")))
                .extracting(Finding::id)
                .containsExactly("request-property-multiple-of-removed");
    }
}
