package org.breakwater.plan;

import java.util.Optional;

/** One service release shipped by a plan; {@code apiHash} names its stored API description, if known. */
public record PlannedRelease(String service, String version, Optional<String> apiHash) {
    public PlannedRelease {
        if (service == null || service.isBlank() || version == null || version.isBlank()) {
            throw new IllegalArgumentException("a planned release needs a service and a version");
        }
    }
}
