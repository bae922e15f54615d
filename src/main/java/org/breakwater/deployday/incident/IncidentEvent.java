package org.breakwater.deployday.incident;

import java.time.Instant;
import java.util.Optional;

/** One change to an incident, as it happened: when, by whom, what ({@code opened}, {@code acknowledged}, ...). */
public record IncidentEvent(long incidentId, Instant at, String by, String action, Optional<String> detail) {
}
