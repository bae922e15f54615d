package org.breakwater.catalog;

import java.util.List;

/** Where services run: staging, production, others. */
public record Environment(String name, String description, boolean production) {
    public Environment {
        Names.require(name, "environment name");
        description = description == null ? "" : description;
    }

    /** What a catalog that names no environments gets. */
    public static List<Environment> defaults() {
        return List.of(new Environment("staging", "where releases are tried first", false),
                new Environment("production", "what users use", true));
    }
}
