package org.breakwater.catalog;

import java.time.Instant;
import java.util.Optional;

/** What CI reports after a deploy: this version of this service now runs there, since then. */
public record NewDeployment(String service, String version, String environment, Instant at, String by,
                            Optional<String> notes) {
    public NewDeployment {
        Names.require(service, "service");
        Names.require(version, "version");
        Names.require(environment, "environment");
        Names.require(by, "who deployed");
    }
}
