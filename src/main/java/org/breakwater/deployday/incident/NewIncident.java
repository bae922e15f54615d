package org.breakwater.deployday.incident;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An incident to open. {@code key} is the detector's deduplication key (one incident per key,
 * however many instances try); an incident opened by hand has none. {@code detectedAt} is when
 * the breakage was (or, read from old logs, would have been) detected; the store also keeps
 * when the incident was recorded. {@code firstFailingAt} is when the consumer's first failing call came
 * (the start of its minute), when the detector knows it: time to detect is measured from it.
 */
public record NewIncident(Optional<String> key, String title, Severity severity, String service,
                          Optional<String> consumer, Optional<String> operation, Optional<Long> planId,
                          List<String> links, Optional<String> detail, Instant detectedAt, String openedBy,
                          Optional<Instant> firstFailingAt) {
    public static final int MAX_TITLE = 300;
    public static final int MAX_DETAIL = 4000;
    public static final int MAX_LINKS = 20;

    public NewIncident {
        links = List.copyOf(links);
        if (title.isBlank() || title.length() > MAX_TITLE) {
            throw new IllegalArgumentException("the title must have 1 to " + MAX_TITLE + " characters");
        }
        if (links.size() > MAX_LINKS) {
            throw new IllegalArgumentException("at most " + MAX_LINKS + " links");
        }
        if (detail.map(d -> d.length() > MAX_DETAIL).orElse(false)) {
            throw new IllegalArgumentException("the detail may have at most " + MAX_DETAIL + " characters");
        }
        if (firstFailingAt.filter(f -> f.isAfter(detectedAt)).isPresent()) {
            throw new IllegalArgumentException("the first failing call cannot come after the detection");
        }
    }

    /** An incident whose first failing call is not known (opened by hand). */
    public NewIncident(Optional<String> key, String title, Severity severity, String service, Optional<String> consumer,
                       Optional<String> operation, Optional<Long> planId, List<String> links, Optional<String> detail,
                       Instant detectedAt, String openedBy) {
        this(key, title, severity, service, consumer, operation, planId, links, detail, detectedAt, openedBy,
                Optional.empty());
    }
}
