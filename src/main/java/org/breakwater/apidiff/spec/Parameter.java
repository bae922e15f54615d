package org.breakwater.apidiff.spec;

import java.util.Objects;

/**
 * A request parameter. {@code style} and {@code explode} are the effective values (the
 * defaults OpenAPI assumes filled in), so an explicit default compares equal to an omitted one.
 * {@code allowEmptyValue} is read for OpenAPI 3 query parameters only (where it is deprecated).
 */
public record Parameter(String name, ParameterLocation in, boolean required, boolean deprecated,
                        String style, boolean explode, boolean allowEmptyValue, Schema schema, Source source) {
    public Parameter {
        Objects.requireNonNull(name);
        Objects.requireNonNull(in);
        Objects.requireNonNull(style);
        Objects.requireNonNull(schema);
    }

    /** Header names are case-insensitive; others are not. */
    public String matchName() {
        return in == ParameterLocation.HEADER ? name.toLowerCase(java.util.Locale.ROOT) : name;
    }
}
