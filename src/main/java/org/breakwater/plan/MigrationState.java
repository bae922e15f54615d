package org.breakwater.plan;

/**
 * How far an affected consumer has come in moving to a release's new API, in order. Each state
 * includes the ones before it.
 */
public enum MigrationState {
    /** Affected: declared in the catalog, or seen in the logs calling what the release breaks. */
    DECLARED("declared"),
    /** Its owner said they know (gate consumers-acknowledged recorded for it). */
    ACKNOWLEDGED("acknowledged"),
    /** Staging's logs show it calling the candidate, and nothing the candidate no longer serves. */
    VERIFIED_STAGING("verified in staging"),
    /** After the deployment, production's logs show it calling the new API, and none of its calls go to staging. */
    VERIFIED_PRODUCTION("verified in production");

    private final String label;

    MigrationState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean reached(MigrationState other) {
        return compareTo(other) >= 0;
    }

    public static MigrationState max(MigrationState a, MigrationState b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
