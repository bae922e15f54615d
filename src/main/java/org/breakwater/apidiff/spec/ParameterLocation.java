package org.breakwater.apidiff.spec;

/** Where a parameter travels. */
public enum ParameterLocation {
    PATH, QUERY, HEADER, COOKIE;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    private static final ParameterLocation[] ALL = values();

    public static java.util.Optional<ParameterLocation> parse(String in) {
        for (ParameterLocation l : ALL) {
            if (l.id().equals(in)) {
                return java.util.Optional.of(l);
            }
        }
        return java.util.Optional.empty();
    }

    /** The serialisation style OpenAPI assumes when none is given. */
    public String defaultStyle() {
        return this == QUERY || this == COOKIE ? "form" : "simple";
    }
}
