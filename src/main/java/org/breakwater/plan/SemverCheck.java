package org.breakwater.plan;

/**
 * Whether a release's version number says what its API does: a release that breaks the API
 * must be a new major version, or it is mislabelled.
 */
public record SemverCheck(Outcome outcome, String explanation) {
    public enum Outcome { CONSISTENT, MISLABELLED, NOT_CHECKED }

    public static SemverCheck of(String from, String to, boolean breaks) {
        return of(from, to, breaks, true);
    }

    /**
     * {@code compared} false: the APIs were not compared, so whether the release breaks is unknown
     * and the step cannot be checked against it.
     */
    public static SemverCheck of(String from, String to, boolean breaks, boolean compared) {
        var a = Version.parse(from);
        var b = Version.parse(to);
        if (a.isEmpty() || b.isEmpty()) {
            return new SemverCheck(Outcome.NOT_CHECKED, "'" + (a.isEmpty() ? from : to)
                    + "' is not a semantic version, so the version step is not checked");
        }
        Version.Step step = a.get().stepTo(b.get());
        if (!compared) {
            return new SemverCheck(Outcome.NOT_CHECKED, from + " → " + to + " is a " + name(step)
                    + " step; whether the API breaks is unknown (it was not compared), so the step is not checked");
        }
        if (!breaks) {
            return new SemverCheck(Outcome.CONSISTENT, from + " → " + to + " is a " + name(step)
                    + " step and the API does not break");
        }
        if (step == Version.Step.MAJOR) {
            return new SemverCheck(Outcome.CONSISTENT, from + " → " + to + " is a major step, as an API break should be");
        }
        return new SemverCheck(Outcome.MISLABELLED, from + " → " + to + " is a " + name(step)
                + " step but the API breaks: clients trusting the version number will not expect it"
                + " (make it " + (b.get().major() <= a.get().major() ? (a.get().major() + 1) + ".0.0" : "a major version") + ")");
    }

    private static String name(Version.Step step) {
        return switch (step) {
            case MAJOR -> "major";
            case MINOR -> "minor";
            case PATCH -> "patch";
            case SAME -> "same-version";
            case DOWNGRADE -> "downgrade";
        };
    }
}
