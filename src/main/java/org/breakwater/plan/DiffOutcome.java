package org.breakwater.plan;

import org.breakwater.apidiff.report.Report;

/** What comparing a candidate's API with what the environment runs gave. */
public sealed interface DiffOutcome permits DiffOutcome.Compared, DiffOutcome.FirstDeployment,
        DiffOutcome.NoDescription {
    /** Both descriptions were there and were compared. */
    record Compared(Report report) implements DiffOutcome {
    }

    /** The service has never been deployed there: nothing to break. */
    record FirstDeployment() implements DiffOutcome {
    }

    /** One side has no (readable) API description: breaks cannot be checked. */
    record NoDescription(String why) implements DiffOutcome {
    }
}
