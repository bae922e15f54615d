package org.breakwater.apidiff.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.breakwater.apidiff.compare.Descriptions.V30;
import static org.breakwater.apidiff.compare.Descriptions.requestBody;
import static org.breakwater.apidiff.compare.Descriptions.responseBody;
import static org.breakwater.apidiff.compare.Descriptions.compare;

import org.breakwater.apidiff.report.Finding;
import org.breakwater.apidiff.rule.Level;
import org.junit.jupiter.api.Test;

/**
 * A read-only member is never sent in a request and a write-only one never received in a
 * response (oasdiff's request-read-only-property-* and response-write-only-property-*
 * checks): while it stays so on both sides, what its value may be concerns no client.
 */
class UnseenMemberTest {

    @Test
    void constraints_tightened_on_a_member_read_only_on_both_sides_are_not_judged_in_a_request() throws Exception {
        String before = requestBody(V30, "{type: object, properties: {id: {type: string, readOnly: true, enum: [a, b],"
                + " maxLength: 10, pattern: '^[a-z]+$'}, n: {type: integer, readOnly: true, minimum: 0}}}");
        String after = requestBody(V30, "{type: object, properties: {id: {type: string, readOnly: true, enum: [a],"
                + " maxLength: 5, pattern: '^[a]+$'}, n: {type: integer, readOnly: true, minimum: 3}}}");

        assertThat(compare(before, after)).isEmpty();
    }

    @Test
    void values_added_to_a_member_write_only_on_both_sides_are_not_judged_in_a_response() throws Exception {
        String before = responseBody(V30, "{type: object, properties: {pin: {type: string, writeOnly: true, enum: [a]}}}");
        String after = responseBody(V30, "{type: object, properties: {pin: {type: integer, writeOnly: true}}}");

        assertThat(compare(before, after)).isEmpty();
    }

    @Test
    void a_member_that_stops_being_read_only_is_compared_as_clients_may_now_send_it() throws Exception {
        String before = requestBody(V30, "{type: object, properties: {id: {type: string, readOnly: true, enum: [a, b]}}}");
        String after = requestBody(V30, "{type: object, properties: {id: {type: string, enum: [a]}}}");

        assertThat(compare(before, after)).extracting(Finding::id, Finding::level)
                .containsExactlyInAnyOrder(tuple("request-property-read-only-removed", Level.INFO),
                        tuple("request-property-enum-value-removed", Level.BREAKING));
    }

    @Test
    void a_read_only_member_is_still_judged_in_a_response() throws Exception {
        String before = responseBody(V30, "{type: object, properties: {id: {type: string, readOnly: true, enum: [a]}}}");
        String after = responseBody(V30, "{type: object, properties: {id: {type: string, readOnly: true, enum: [a, b]}}}");

        assertThat(compare(before, after)).extracting(Finding::id, Finding::level)
                .containsExactly(tuple("response-property-enum-value-added", Level.WARNING));
    }
}
