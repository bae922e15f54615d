package org.breakwater.apidiff.spec;

import java.math.BigDecimal;
import java.util.Objects;

/** A bound's value; {@code exclusive} for exclusiveMinimum/exclusiveMaximum. */
public record Limit(BigDecimal value, boolean exclusive) {
    public Limit {
        Objects.requireNonNull(value);
    }

    @Override
    public String toString() {
        return (exclusive ? "exclusive " : "") + value.stripTrailingZeros().toPlainString();
    }
}
