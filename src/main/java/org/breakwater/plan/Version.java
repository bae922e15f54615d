package org.breakwater.plan;

import java.util.Optional;
import java.util.regex.Matcher;
import org.breakwater.catalog.Versions;

/** A version number read the semantic-versioning way: 2.0.0, v0.8.19, 2.0.0-rc3, 1.9 ({@link Versions}). */
public record Version(int major, int minor, int patch, String text) {
    public static Optional<Version> parse(String text) {
        Optional<Matcher> read = Versions.read(text);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = read.get();
        return Optional.of(new Version(Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), text));
    }

    /** What kind of step {@code to} is from this version. */
    public Step stepTo(Version to) {
        if (to.major != major) {
            return to.major > major ? Step.MAJOR : Step.DOWNGRADE;
        }
        if (to.minor != minor) {
            return to.minor > minor ? Step.MINOR : Step.DOWNGRADE;
        }
        if (to.patch != patch) {
            return to.patch > patch ? Step.PATCH : Step.DOWNGRADE;
        }
        return Step.SAME;
    }

    public enum Step { MAJOR, MINOR, PATCH, SAME, DOWNGRADE }
}
