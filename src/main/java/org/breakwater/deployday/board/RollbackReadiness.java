package org.breakwater.deployday.board;

import java.util.List;
import java.util.Optional;

/**
 * Whether plan's releases can be rolled back, said before anyone needs to: per release, the version
 * that ran before and whether its API description is recorded.
 */
public record RollbackReadiness(boolean possible, List<Step> steps, List<String> problems) {
    public RollbackReadiness {
        steps = List.copyOf(steps);
        problems = List.copyOf(problems);
    }

    /** Back from {@code from} to {@code to}; {@code apiHash} of {@code to}'s description when recorded. */
    public record Step(String service, String from, String to, Optional<String> apiHash) {
    }
}
