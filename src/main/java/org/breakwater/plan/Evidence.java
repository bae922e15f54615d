package org.breakwater.plan;

import java.time.Instant;
import java.util.Optional;

/**
 * What proves a gate: a link (the sent announcement, the meeting minutes, the test run) or a
 * line of text, who recorded it and when the thing happened.
 *
 * @param decision for the borderline services' meeting decision: "applies" or "exempt"
 */
public record Evidence(long id, long planId, String gate, String evidence, String by, Instant at,
                       Optional<String> note, Optional<String> decision) {
}
