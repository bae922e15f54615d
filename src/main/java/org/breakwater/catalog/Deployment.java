package org.breakwater.catalog;

import java.time.Instant;
import java.util.Optional;

/** A recorded deployment. {@code apiHash} is that of the release's API description, if any. */
public record Deployment(long id, String service, String version, String environment, Instant at, String by,
                         Optional<String> notes, Optional<String> apiHash) {
}
