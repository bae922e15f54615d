package org.breakwater.catalog;

import java.time.Instant;
import java.util.Optional;

/** A version of a service, with the hash of its API description when one was recorded. */
public record Release(String service, String version, Optional<String> apiHash, Instant recordedAt) {
    public Release {
        Names.require(service, "service");
        Names.require(version, "version");
    }
}
