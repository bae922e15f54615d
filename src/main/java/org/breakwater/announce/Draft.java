package org.breakwater.announce;

import java.util.List;
import java.util.Optional;

/**
 * An announcement as generated from a plan, before anyone edits or sends it.
 *
 * @param consumer for a consumer notice: the consumer it is about
 * @param to       the recipients: the policy's and the services' lists, or a consumer's owners
 */
public record Draft(Kind kind, Optional<String> consumer, List<String> to, String subject, String body) {
    public Draft {
        to = List.copyOf(to);
    }
}
