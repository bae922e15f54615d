package org.breakwater.plan;

/** Whether the major-deployment policy applies to a release, and why. */
public sealed interface PolicyVerdict permits PolicyVerdict.Applies, PolicyVerdict.Exempt, PolicyVerdict.Undecided {
    String reason();

    /** The policy applies: every gate must be met or waived. */
    record Applies(String reason) implements PolicyVerdict {
    }

    /** The policy does not apply (consumers of any break are still told). */
    record Exempt(String reason) implements PolicyVerdict {
    }

    /** A borderline service: a weekly meeting must decide, and the decision be recorded. */
    record Undecided(String reason) implements PolicyVerdict {
    }

    default String label() {
        if (this instanceof Applies) {
            return "applies";
        }
        return this instanceof Exempt ? "exempt" : "meeting must decide";
    }
}
