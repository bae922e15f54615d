package org.breakwater.catalog;

import java.time.Instant;
import java.util.Optional;

/** What runs where: the version of a service in an environment, since when and who put it there. */
public record Placement(String service, String environment, String version, Optional<String> apiHash,
                        Instant since, String by) {
}
