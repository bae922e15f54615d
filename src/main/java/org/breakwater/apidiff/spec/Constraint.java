package org.breakwater.apidiff.spec;

/**
 * The numeric validation keywords of a schema. An upper bound is tightened when it goes
 * down, a lower bound when it goes up; multipleOf is tightened when the new divisor is a
 * multiple of the old one.
 */
public enum Constraint {
    MAXIMUM("max", Bound.UPPER),
    MINIMUM("min", Bound.LOWER),
    MAX_LENGTH("max-length", Bound.UPPER),
    MIN_LENGTH("min-length", Bound.LOWER),
    MAX_ITEMS("max-items", Bound.UPPER),
    MIN_ITEMS("min-items", Bound.LOWER),
    MAX_PROPERTIES("max-properties", Bound.UPPER),
    MIN_PROPERTIES("min-properties", Bound.LOWER),
    MULTIPLE_OF("multiple-of", Bound.DIVISOR);

    public enum Bound { UPPER, LOWER, DIVISOR }

    private final String id;
    private final Bound bound;

    Constraint(String id, Bound bound) {
        this.id = id;
        this.bound = bound;
    }

    /** The rule-id fragment, e.g. {@code max-length}. */
    public String id() {
        return id;
    }

    public Bound bound() {
        return bound;
    }

    /**
     * False for a bound that limits nothing: a length, item or member count is never below
     * zero, so a minimum count of zero (or less) is the default written out.
     */
    public boolean restricts(java.math.BigDecimal value) {
        boolean count = this == MIN_LENGTH || this == MIN_ITEMS || this == MIN_PROPERTIES;
        return !count || value.signum() > 0;
    }

    /** The keyword as written in a description. */
    public String keyword() {
        return switch (this) {
            case MAXIMUM -> "maximum";
            case MINIMUM -> "minimum";
            case MAX_LENGTH -> "maxLength";
            case MIN_LENGTH -> "minLength";
            case MAX_ITEMS -> "maxItems";
            case MIN_ITEMS -> "minItems";
            case MAX_PROPERTIES -> "maxProperties";
            case MIN_PROPERTIES -> "minProperties";
            case MULTIPLE_OF -> "multipleOf";
        };
    }
}
