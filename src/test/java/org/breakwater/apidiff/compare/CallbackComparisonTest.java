package org.breakwater.apidiff.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.breakwater.apidiff.ApiDiff;
import org.breakwater.apidiff.DiffOptions;
import org.breakwater.apidiff.report.Finding;
import org.breakwater.apidiff.rule.Level;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.SpecException;
import org.breakwater.apidiff.spec.SpecReader;
import org.junit.jupiter.api.Test;

/**
 * Callbacks, the parameters and answer headers of webhooks and callbacks, links and the
 * servers of path items and operations, beyond the one-finding fixtures of
 * {@code OperationRuleFixturesTest}: roles turned round inside them, and no finding where
 * nothing changed on the wire.
 */
class CallbackComparisonTest {
    private final SpecReader reader = new SpecReader(ReadLimits.defaults());
    private final ApiDiff diff = new ApiDiff(DiffOptions.defaults());

    @Test
    void a_member_added_to_a_callback_body_is_judged_as_its_subscriber_reads_it() throws Exception {
        List<Finding> f = compare(callback("{type: object, properties: {id: {type: string}}}"),
                callback("{type: object, properties: {id: {type: string}}, required: [id]}"));

        assertThat(f).extracting(Finding::id, Finding::level, Finding::operation)
                .containsExactly(tuple("webhook-request-property-became-required", Level.INFO, "POST /subscriptions"));
        assertThat(f.get(0).message()).startsWith("callback onData POST {$request.body#/callbackUrl} request body");
        assertThat(compare(callback("{type: object, properties: {id: {type: string}}, required: [id]}"),
                callback("{type: object, properties: {id: {type: string}}}")))
                .extracting(Finding::id, Finding::level)
                .containsExactly(tuple("webhook-request-property-became-optional", Level.BREAKING));
    }

    @Test
    void a_webhook_parameter_schema_is_judged_as_subscribers_read_it() throws Exception {
        List<Finding> f = compare(webhook("[{name: kind, in: query, schema: {type: string, enum: [a]}}]", ""),
                webhook("[{name: kind, in: query, schema: {type: string, enum: [a, b]}}]", ""));

        assertThat(f).extracting(Finding::id, Finding::level)
                .containsExactly(tuple("webhook-request-property-enum-value-added", Level.WARNING));
        assertThat(f.get(0).message()).startsWith("webhook parameter `kind` (query)");
    }

    @Test
    void a_header_of_a_subscribers_answer_is_judged_as_the_api_reads_it() throws Exception {
        List<Finding> f = compare(webhook("[]", "{X-Ack: {schema: {type: string, enum: [ok, retry]}}}"),
                webhook("[]", "{X-Ack: {schema: {type: string, enum: [ok]}}}"));

        assertThat(f).extracting(Finding::id, Finding::level)
                .containsExactly(tuple("webhook-response-property-enum-value-removed", Level.BREAKING));
    }

    @Test
    void a_webhook_header_parameter_matches_whatever_the_case_of_its_name() throws Exception {
        assertThat(compare(webhook("[{name: X-Signature, in: header, schema: {type: string}}]", ""),
                webhook("[{name: x-signature, in: header, schema: {type: string}}]", ""))).isEmpty();
    }

    @Test
    void a_callback_referring_back_to_itself_is_read_once_and_compares_equal() throws Exception {
        String doc = """
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /subscriptions:
                    post:
                      responses: {'201': {description: ok}}
                      callbacks:
                        again: {$ref: '#/components/callbacks/Again'}
                components:
                  callbacks:
                    Again:
                      '{$request.body#/url}':
                        post:
                          responses: {'200': {description: ok}}
                          callbacks:
                            again: {$ref: '#/components/callbacks/Again'}
                """;
        assertThat(compare(doc, doc)).isEmpty();
    }

    @Test
    void two_callback_urls_that_differ_only_in_their_expressions_are_both_kept() throws Exception {
        String doc = """
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /subscriptions:
                    post:
                      responses: {'201': {description: ok}}
                      callbacks:
                        onData:
                          '{$request.body#/a}': {post: {responses: {'200': {description: ok}}}}
                          '{$request.body#/b}': {post: {responses: {'200': {description: ok}}}}
                """;
        String fewer = doc.replace("      '{$request.body#/b}': {post: {responses: {'200': {description: ok}}}}\n", "");

        assertThat(compare(doc, fewer)).extracting(Finding::id, Finding::message)
                .containsExactly(tuple("callback-removed", "callback onData POST {$request.body#/b} removed"));
    }

    @Test
    void servers_moved_from_the_document_to_the_operation_unchanged_report_nothing() throws Exception {
        String root = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\nservers: [{url: 'https://api.example/v1'}]\n"
                + "paths:\n  /a:\n    get:\n      responses: {'200': {description: ok}}\n";
        String own = root.replace("    get:\n", "    servers: [{url: 'https://api.example/v1/'}]\n    get:\n");

        assertThat(compare(root, own)).isEmpty();
        assertThat(compare(own, root.replace("https://api.example/v1", "https://api.example/v2")))
                .extracting(Finding::id).containsExactlyInAnyOrder("api-base-path-changed", "operation-base-path-changed");
    }

    @Test
    void link_parameters_written_in_another_order_are_the_same_link() throws Exception {
        String a = links("{id: '$response.body#/id', tag: '$response.body#/tag'}");
        String b = links("{tag: '$response.body#/tag', id: '$response.body#/id'}");

        assertThat(compare(a, b)).isEmpty();
    }

    @Test
    void a_callback_link_or_subschema_of_the_wrong_kind_is_refused_with_its_place() {
        String head = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    post:\n";
        assertThatThrownBy(() -> reader.parse(head + "      callbacks: {onData: 3}\n      responses: {'200': {description: ok}}\n", "a.yaml"))
                .isInstanceOf(SpecException.class).hasMessageContaining("a.yaml:6").hasMessageContaining("callback 'onData' must be an object");
        assertThatThrownBy(() -> reader.parse(head + "      responses: {'200': {description: ok, links: {GetUser: [x]}}}\n", "a.yaml"))
                .isInstanceOf(SpecException.class).hasMessageContaining("a.yaml:6").hasMessageContaining("a link must be an object");
        assertThatThrownBy(() -> reader.parse(head + "      requestBody: {content: {application/json: {schema: {contains: 3}}}}\n"
                + "      responses: {'200': {description: ok}}\n", "a.yaml"))
                .isInstanceOf(SpecException.class).hasMessageContaining("a.yaml:6").hasMessageContaining("a schema must be an object");
    }

    private List<Finding> compare(String before, String after) throws SpecException {
        return diff.compare(reader.parse(before, "old.yaml"), reader.parse(after, "new.yaml")).findings();
    }

    private static String callback(String schema) {
        return "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /subscriptions:\n    post:\n"
                + "      responses: {'201': {description: ok}}\n      callbacks:\n        onData:\n"
                + "          '{$request.body#/callbackUrl}':\n            post:\n"
                + "              requestBody: {content: {application/json: {schema: " + schema + "}}}\n"
                + "              responses: {'200': {description: ok}}\n";
    }

    private static String webhook(String parameters, String headers) {
        return "openapi: 3.1.0\ninfo: {title: t, version: '1'}\nwebhooks:\n  newPackage:\n    post:\n"
                + "      parameters: " + parameters + "\n"
                + "      responses: {'200': {description: ok" + (headers.isEmpty() ? "" : ", headers: " + headers) + "}}\n";
    }

    private static String links(String parameters) {
        return "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /users:\n    post:\n"
                + "      responses: {'201': {description: ok, links: {GetUser: {operationId: getUser, parameters: "
                + parameters + "}}}}\n";
    }
}
