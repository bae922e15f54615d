package org.breakwater.catalog;

import java.util.List;

/**
 * Where services run: staging, production, others.
 *
 * @param hosts the addresses and address blocks (such as {@code 10.5.126.0/24}) of the machines
 *     in this environment, so that a call from one environment's host into another's service is
 *     seen in the logs (a production script still pointing at staging); empty when unknown
 */
public record Environment(String name, String description, boolean production, List<String> hosts) {
    public Environment {
        Names.require(name, "environment name");
        description = description == null ? "" : description;
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
    }

    public Environment(String name, String description, boolean production) {
        this(name, description, production, List.of());
    }

    /** What a catalog that names no environments gets. */
    public static List<Environment> defaults() {
        return List.of(new Environment("staging", "where releases are tried first", false),
                new Environment("production", "what users use", true));
    }
}
