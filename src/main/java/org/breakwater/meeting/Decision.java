package org.breakwater.meeting;

import java.time.LocalDate;

/** What an {@code #agreed} line decided, read by the grammar in docs/meetings.md. */
public sealed interface Decision permits Decision.Classification, Decision.DeploymentDate, Decision.FreezeBreak {
    String describe();

    /**
     * A borderline service classified: the policy applies to it (it is essential) or not (exempt).
     * {@link #decision()} is the word the plan's {@code meeting-decision} gate takes.
     */
    record Classification(String service, boolean applies) implements Decision {
        public String decision() {
            return applies ? "applies" : "exempt";
        }

        @Override
        public String describe() {
            return "the policy " + (applies ? "applies to " : "does not apply to ") + service + " (" + decision() + ")";
        }
    }

    /** The deployment's date, discussed and agreed. */
    record DeploymentDate(LocalDate date) implements Decision {
        @Override
        public String describe() {
            return "deployment on " + date;
        }
    }

    /** A freeze break approved for a plan: recorded on its {@code freeze} gate with the chair as approver. */
    record FreezeBreak() implements Decision {
        @Override
        public String describe() {
            return "freeze break approved";
        }
    }
}
