package org.breakwater.apidiff.rule;

/**
 * Where a schema sits, which gives a schema change its rule id prefix and its direction.
 * Nested members of a parameter's or header's schema are reported as properties.
 */
public enum Scope {
    REQUEST_PARAMETER("request-parameter", Direction.REQUEST, false),
    REQUEST_PROPERTY("request-property", Direction.REQUEST, true),
    RESPONSE_PROPERTY("response-property", Direction.RESPONSE, true),
    RESPONSE_HEADER("response-header", Direction.RESPONSE, false);

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
        return direction == Direction.REQUEST ? REQUEST_PROPERTY : RESPONSE_PROPERTY;
    }
}
