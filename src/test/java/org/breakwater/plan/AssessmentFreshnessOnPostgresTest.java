package org.breakwater.plan;

import java.util.Optional;
import org.breakwater.store.TestDatabases;

/** {@link AssessmentFreshnessTest} on embedded PostgreSQL: every change to the store shows on the next answer. */
class AssessmentFreshnessOnPostgresTest extends AssessmentFreshnessTest {
    @Override
    Optional<String> database() {
        return Optional.of(TestDatabases.newPostgresUrl());
    }
}
