package org.breakwater.catalog;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a release's version number looks like: semantic versioning's numbers, read leniently
 * (2.0.0, v0.8.19, 2.0.0-rc3, 1.9). A version that does not read this way is refused where it
 * enters (a plan, a deployment record, a can-deploy question), as it could not be compared.
 */
public final class Versions {
    /** Major, optional minor and patch, then anything after a separator (-rc3, +build, ~beta, .post1). */
    public static final Pattern FORM = Pattern.compile("v?(\\d{1,9})(?:\\.(\\d{1,9}))?(?:\\.(\\d{1,9}))?(?:[-+~.]\\S*)?");
    /** Longest version accepted. */
    public static final int MAX_LENGTH = 100;
    /** Said in every refusal. */
    public static final String LOOKS_LIKE = "a version is numbers such as 2.0.0, v0.8.19, 2.0.0-rc3 or 1.9";

    private Versions() {
    }

    /** The version's numbers read, or empty when it is not a version. */
    public static Optional<Matcher> read(String version) {
        if (version == null || version.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(version.strip());
        return m.matches() ? Optional.of(m) : Optional.empty();
    }

    /** Why {@code version} is refused, or empty when it reads. */
    public static Optional<String> problem(String version) {
        if (read(version).isPresent()) {
            return Optional.empty();
        }
        String shown = version == null ? "" : version.length() > 40 ? version.substring(0, 40) + "…" : version;
        return Optional.of("'" + shown.replaceAll("\\p{Cntrl}", "?") + "' is not a version: " + LOOKS_LIKE);
    }
}
