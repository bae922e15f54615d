package org.breakwater.apidiff.rule;

/**
 * Where a schema sits, which gives a schema change its rule id prefix and its direction.
 * Nested members of a parameter's or header's schema are reported as properties.
 */
public enum Scope {
    REQUEST_PARAMETER("request-parameter", Direction.REQUEST, false),
    REQUEST_PROPERTY("request-property", Direction.REQUEST, true),
    RESPONSE_PROPERTY("response-property", Direction.RESPONSE, true),
    RESPONSE_HEADER("response-header", Direction.RESPONSE, false),
    /**
     * The body of an OpenAPI 3.1 webhook's request: the API sends it and subscribers read it,
     * so changes count as in a response.
     */
    WEBHOOK_REQUEST_PROPERTY("webhook-request-property", Direction.RESPONSE, true),
    /** The body a subscriber answers a webhook with: the API reads it, so changes count as in a request. */
    WEBHOOK_RESPONSE_PROPERTY("webhook-response-property", Direction.REQUEST, true);

    private final String prefix;
    private final Direction direction;
    private final boolean property;

    Scope(String prefix, Direction direction, boolean property) {
        this.prefix = prefix;
        this.direction = direction;
        this.property = property;
    }

    public String prefix() {
        return prefix;
    }

    public Direction direction() {
        return direction;
    }

    /** True for the scopes whose schemas may gain and lose properties. */
    public boolean isProperty() {
        return property;
    }

    /** The scope of a member nested inside a schema of this scope. */
    public Scope nested() {
        if (property) {
            return this;
        }
        return direction == Direction.REQUEST ? REQUEST_PROPERTY : RESPONSE_PROPERTY;
    }
}
