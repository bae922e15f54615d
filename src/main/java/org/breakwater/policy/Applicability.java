package org.breakwater.policy;

import java.util.Locale;
import java.util.Optional;

/** When the major-deployment policy applies to a release of a service of some tier. */
public enum Applicability {
    /** Always: every deployment follows the policy. */
    ALWAYS,
    /** When the release breaks the API or is a new major version. */
    BREAKS_OR_MAJOR,
    /** A weekly meeting decides, and the decision is recorded on the plan. */
    MEETING_DECIDES,
    /** Never: the service is exempt (its consumers are still told of breaks). */
    NEVER;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Applicability> parse(String text) {
        for (Applicability a : values()) {
            if (a.id().equals(text)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
