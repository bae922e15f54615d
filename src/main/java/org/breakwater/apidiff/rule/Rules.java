package org.breakwater.apidiff.rule;

import static org.breakwater.apidiff.rule.Direction.NONE;
import static org.breakwater.apidiff.rule.Direction.REQUEST;
import static org.breakwater.apidiff.rule.Direction.RESPONSE;
import static org.breakwater.apidiff.rule.Level.BREAKING;
import static org.breakwater.apidiff.rule.Level.INFO;
import static org.breakwater.apidiff.rule.Level.WARNING;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rule catalogue: every change Breakwater reports, with its stable id. Operation-level
 * rules are listed here; schema rules are the product of {@link Scope} and
 * {@link SchemaChange}. {@code breakwater rules} prints this list.
 */
public final class Rules {
    private static final Map<String, Rule> BY_ID = new LinkedHashMap<>();

    // Endpoints
    public static final Rule ENDPOINT_ADDED = rule("endpoint-added", INFO, NONE,
            "a new operation", "(none) → GET /packages/{name}/acls");
    public static final Rule ENDPOINT_REMOVED = rule("endpoint-removed", BREAKING, NONE,
            "an operation was removed without first being deprecated: every client calling it fails",
            "GET /api/collections → (none)");
    public static final Rule ENDPOINT_REMOVED_BEFORE_SUNSET = rule("endpoint-removed-before-sunset", BREAKING, NONE,
            "a deprecated operation was removed before its announced x-sunset date: clients were promised more time",
            "deprecated, x-sunset: 2030-01-01 → (none)");
    public static final Rule ENDPOINT_REMOVED_AFTER_DEPRECATION = rule("endpoint-removed-after-deprecation", WARNING, NONE,
            "a deprecated operation without a sunset date was removed: clients were warned, but not told when",
            "deprecated: true → (none)");
    public static final Rule ENDPOINT_REMOVED_AFTER_SUNSET = rule("endpoint-removed-after-sunset", INFO, NONE,
            "a deprecated operation was removed after its x-sunset date had passed, as announced",
            "deprecated, x-sunset: 2014-06-01 → (none)");
    public static final Rule ENDPOINT_DEPRECATED = rule("endpoint-deprecated", INFO, NONE,
            "an operation is now deprecated: its clients should plan to move", "deprecated: false → true");
    public static final Rule ENDPOINT_REACTIVATED = rule("endpoint-reactivated", INFO, NONE,
            "an operation is no longer deprecated", "deprecated: true → false");
    public static final Rule ENDPOINT_SUNSET_EARLIER = rule("endpoint-sunset-earlier", WARNING, NONE,
            "the x-sunset date of a deprecated operation moved earlier: clients have less time than announced",
            "x-sunset: 2030-01-01 → 2025-01-01");
    public static final Rule OPERATION_ID_CHANGED = rule("operation-id-changed", WARNING, NONE,
            "the operationId changed: the wire is the same, but generated clients rename the method",
            "operationId: getPackage → operationId: packageInfo");
    public static final Rule OPERATION_ID_REMOVED = rule("operation-id-removed", WARNING, NONE,
            "the operationId is gone: generated clients rename the method", "operationId: getPackage → (none)");
    public static final Rule OPERATION_ID_ADDED = rule("operation-id-added", INFO, NONE,
            "an operationId was given", "(none) → operationId: getPackage");

    // Parameters
    public static final Rule PARAMETER_REQUIRED_ADDED = rule("request-parameter-required-added", BREAKING, REQUEST,
            "a new required parameter: requests without it will be refused", "(none) → ?namespace= (required)");
    public static final Rule PARAMETER_ADDED = rule("request-parameter-added", INFO, REQUEST,
            "a new optional parameter", "(none) → ?page=");
    public static final Rule PARAMETER_REMOVED = rule("request-parameter-removed", BREAKING, REQUEST,
            "a parameter is gone: clients still sending it are ignored (silently getting other results) or refused",
            "?branch= → (none)");
    public static final Rule PARAMETER_BECAME_REQUIRED = rule("request-parameter-became-required", BREAKING, REQUEST,
            "a parameter became required: requests without it will be refused", "required: false → true");
    public static final Rule PARAMETER_BECAME_OPTIONAL = rule("request-parameter-became-optional", INFO, REQUEST,
            "a parameter became optional", "required: true → false");
    public static final Rule PARAMETER_LOCATION_CHANGED = rule("request-parameter-location-changed", BREAKING, REQUEST,
            "a parameter moved (say from the query to a header): clients send it where it is no longer read",
            "in: query → in: header");
    public static final Rule PARAMETER_STYLE_CHANGED = rule("request-parameter-style-changed", BREAKING, REQUEST,
            "a parameter is serialised differently (an array or object, or any path value; a plain value's"
                    + " explicit default or style elsewhere is not reported): values clients send are read wrongly",
            "style: form → style: spaceDelimited");
    public static final Rule PARAMETER_EXPLODE_CHANGED = rule("request-parameter-explode-changed", BREAKING, REQUEST,
            "arrays and objects in a parameter are serialised differently: ?a=1&a=2 versus ?a=1,2 (a plain value,"
                    + " also behind a $ref, is not reported)",
            "explode: true → false");
    public static final Rule PARAMETER_ALLOW_EMPTY_VALUE_ADDED = rule("request-parameter-allow-empty-value-added", WARNING, REQUEST,
            "a query parameter now accepts an empty value through allowEmptyValue, which OpenAPI 3 deprecates:"
            + " tools may ignore it, and it is likely to go away", "(none) → allowEmptyValue: true");
    public static final Rule PARAMETER_ALLOW_EMPTY_VALUE_REMOVED = rule("request-parameter-allow-empty-value-removed", BREAKING, REQUEST,
            "a query parameter no longer accepts an empty value: clients sending ?name= are refused",
            "allowEmptyValue: true → false");
    public static final Rule PATH_PARAMETER_RENAMED = rule("request-path-parameter-renamed", INFO, REQUEST,
            "a path parameter was renamed: the URL clients call is the same", "/packages/{id} → /packages/{name}");

    // Request bodies
    public static final Rule BODY_REQUIRED_ADDED = rule("request-body-required-added", BREAKING, REQUEST,
            "a required request body was added: requests without one will be refused", "(none) → requestBody (required)");
    public static final Rule BODY_ADDED = rule("request-body-added", INFO, REQUEST,
            "an optional request body was added", "(none) → requestBody");
    public static final Rule BODY_REMOVED = rule("request-body-removed", BREAKING, REQUEST,
            "the request body is gone: what clients send is ignored or refused", "requestBody → (none)");
    public static final Rule BODY_BECAME_REQUIRED = rule("request-body-became-required", BREAKING, REQUEST,
            "the request body became required", "required: false → true");
    public static final Rule BODY_BECAME_OPTIONAL = rule("request-body-became-optional", INFO, REQUEST,
            "the request body became optional", "required: true → false");
    public static final Rule BODY_MEDIA_TYPE_ADDED = rule("request-body-media-type-added", INFO, REQUEST,
            "the request body may be sent in another media type", "application/json → application/json, application/xml");
    public static final Rule BODY_MEDIA_TYPE_REMOVED = rule("request-body-media-type-removed", BREAKING, REQUEST,
            "a media type is no longer accepted: clients sending it will be refused",
            "application/x-www-form-urlencoded → (none)");

    // Responses
    public static final Rule SUCCESS_STATUS_REMOVED = rule("response-success-status-removed", BREAKING, RESPONSE,
            "a success (2xx/3xx) response is gone: clients handling it get another status",
            "responses: {200} → responses: {201}");
    public static final Rule NON_SUCCESS_STATUS_REMOVED = rule("response-non-success-status-removed", WARNING, RESPONSE,
            "an error response is no longer documented: clients handling it may see another error",
            "responses: {404} → (none)");
    public static final Rule SUCCESS_STATUS_ADDED = rule("response-success-status-added", WARNING, RESPONSE,
            "a new success status: clients expecting only the old ones may mishandle it",
            "responses: {200} → responses: {200, 202}");
    public static final Rule NON_SUCCESS_STATUS_ADDED = rule("response-non-success-status-added", INFO, RESPONSE,
            "a new error status is documented", "(none) → responses: {409}");
    public static final Rule RESPONSE_MEDIA_TYPE_REMOVED = rule("response-media-type-removed", BREAKING, RESPONSE,
            "a response media type is gone: clients that ask for it or parse it fail", "application/json → (none)");
    public static final Rule RESPONSE_MEDIA_TYPE_ADDED = rule("response-media-type-added", INFO, RESPONSE,
            "the response may come in another media type", "(none) → application/xml");
    public static final Rule RESPONSE_HEADER_REMOVED = rule("response-header-removed", BREAKING, RESPONSE,
            "a required response header is gone: clients relying on it get nothing",
            "headers: {X-RateLimit (required)} → (none)");
    public static final Rule RESPONSE_OPTIONAL_HEADER_REMOVED = rule("response-optional-header-removed", WARNING, RESPONSE,
            "a response header that was never required is gone: clients had to cope with its absence already,"
            + " but those that read it whenever it came lose it", "headers: {X-RateLimit} → (none)");
    public static final Rule RESPONSE_HEADER_ADDED = rule("response-header-added", INFO, RESPONSE,
            "a new response header", "(none) → headers: {X-Request-Id}");
    public static final Rule RESPONSE_HEADER_BECAME_OPTIONAL = rule("response-header-became-optional", BREAKING, RESPONSE,
            "a response header may now be missing", "required: true → false");
    public static final Rule RESPONSE_HEADER_BECAME_REQUIRED = rule("response-header-became-required", INFO, RESPONSE,
            "a response header is now always sent", "required: false → true");

    // Security
    public static final Rule SECURITY_REQUIREMENT_ADDED = rule("security-requirement-added", BREAKING, REQUEST,
            "the operation now needs credentials clients did not need before", "security: [] → security: [{oauth: []}]");
    public static final Rule SECURITY_SCOPE_ADDED = rule("security-scope-added", BREAKING, REQUEST,
            "the operation now needs an OAuth scope clients' tokens may lack", "oauth: [read] → oauth: [read, write]");
    public static final Rule SECURITY_REQUIREMENT_RELAXED = rule("security-requirement-relaxed", INFO, REQUEST,
            "the operation accepts more or weaker credentials than before", "oauth: [read, write] → oauth: [read]");
    public static final Rule SECURITY_SCHEME_CHANGED = rule("security-scheme-changed", BREAKING, REQUEST,
            "a security scheme works differently (type, header or parameter name, HTTP scheme, an OAuth flow gone): credentials clients send are not recognised",
            "apiKey in: header → apiKey in: query");
    public static final Rule SECURITY_SCHEME_URL_CHANGED = rule("security-scheme-url-changed", WARNING, REQUEST,
            "an OAuth token or authorization URL changed: clients configured with the old one fail once it stops answering",
            "tokenUrl: https://id.example/token → https://auth.example/token");
    public static final Rule SECURITY_SCHEME_REMOVED = rule("security-scheme-removed", INFO, REQUEST,
            "a security scheme was removed; operations that required it are reported on their own",
            "securitySchemes: {basic} → (none)");
    public static final Rule SECURITY_SCHEME_ADDED = rule("security-scheme-added", INFO, REQUEST,
            "a new security scheme", "(none) → securitySchemes: {oidc}");

    // Servers
    public static final Rule BASE_PATH_CHANGED = rule("api-base-path-changed", BREAKING, NONE,
            "the base path of every operation changed: clients call URLs that no longer exist",
            "basePath: /pkgdb/api → /api/v2");
    public static final Rule SERVER_REMOVED = rule("server-removed", WARNING, NONE,
            "a server URL is gone: clients configured with it must move", "servers: [a, b] → servers: [a]");
    public static final Rule SERVER_ADDED = rule("server-added", INFO, NONE,
            "a new server URL", "servers: [a] → servers: [a, b]");

    // Webhooks (OpenAPI 3.1): the API sends these requests to its subscribers
    public static final Rule WEBHOOK_REMOVED = rule("webhook-removed", BREAKING, NONE,
            "a webhook is no longer sent: subscribers waiting for it never hear of the event again",
            "webhooks: {newPet} → (none)");
    public static final Rule WEBHOOK_ADDED = rule("webhook-added", INFO, NONE,
            "a new webhook subscribers may listen for", "(none) → webhooks: {newPet}");

    // The comparison itself
    public static final Rule COMPARISON_INCOMPLETE = rule("comparison-incomplete", BREAKING, NONE,
            "the comparison stopped before the end (it took more steps than allowed, or ran past its time"
            + " limit): changes past that point are unknown, so the release counts as breaking",
            "YAML aliases or $refs that make 2 KB compare like gigabytes");

    private static final Map<Scope, Map<SchemaChange, Rule>> SCHEMA = new EnumMap<>(Scope.class);

    static {
        for (Scope scope : Scope.values()) {
            Map<SchemaChange, Rule> m = new HashMap<>();
            for (SchemaChange c : SchemaChange.all()) {
                if (c.appliesTo(scope)) {
                    m.put(c, rule(scope.prefix() + "-" + c.suffix(), c.level(scope.direction()), scope.direction(),
                            c.explanation(), c.example()));
                }
            }
            SCHEMA.put(scope, m);
        }
    }

    private Rules() {
    }

    static {
        OperationRules.load();
    }

    static Rule rule(String id, Level level, Direction direction, String explanation, String example) {
        Rule r = new Rule(id, level, direction, explanation, example);
        if (BY_ID.putIfAbsent(id, r) != null) {
            throw new IllegalStateException("duplicate rule id " + id);
        }
        return r;
    }

    /** The rule for {@code change} in {@code scope}. */
    public static Rule schema(Scope scope, SchemaChange change) {
        Rule r = SCHEMA.get(scope).get(change);
        if (r == null) {
            throw new IllegalArgumentException(change.suffix() + " does not apply to " + scope.prefix());
        }
        return r;
    }

    public static List<Rule> all() {
        return Collections.unmodifiableList(new ArrayList<>(BY_ID.values()));
    }

    public static Optional<Rule> find(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }
}
