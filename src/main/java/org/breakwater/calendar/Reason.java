package org.breakwater.calendar;

import java.util.Objects;

/**
 * What one constraint did to a proposal.
 *
 * @param constraint the constraint's name
 * @param moved true if the constraint pushed the start later at some point of the search
 * @param explanation how the proposed start satisfies it, in words
 */
public record Reason(String constraint, boolean moved, String explanation) {
    public Reason {
        Objects.requireNonNull(constraint, "constraint");
        Objects.requireNonNull(explanation, "explanation");
    }
}
