package org.breakwater.apidiff;

import java.time.Clock;
import java.util.Objects;
import org.breakwater.apidiff.compare.CompareLimits;
import org.breakwater.apidiff.rule.Profile;
import org.breakwater.apidiff.spec.ReadLimits;

/**
 * How a comparison runs.
 *
 * @param limits  bounds on reading each description
 * @param clock   gives "today" for judging x-sunset dates
 * @param compare bounds on the comparison: steps, and findings listed
 * @param profile whose clients the levels are judged for
 */
public record DiffOptions(ReadLimits limits, Clock clock, CompareLimits compare, Profile profile) {
    public DiffOptions {
        Objects.requireNonNull(limits);
        Objects.requireNonNull(clock);
        Objects.requireNonNull(compare);
        Objects.requireNonNull(profile);
    }

    /** The default profile. */
    public DiffOptions(ReadLimits limits, Clock clock, CompareLimits compare) {
        this(limits, clock, compare, Profile.DEFAULT);
    }

    /** The same options judged for {@code p}'s clients. */
    public DiffOptions withProfile(Profile p) {
        return new DiffOptions(limits, clock, compare, p);
    }

    /** The default comparison bounds. */
    public DiffOptions(ReadLimits limits, Clock clock) {
        this(limits, clock, CompareLimits.defaults());
    }

    public static DiffOptions defaults() {
        return new DiffOptions(ReadLimits.defaults(), Clock.systemUTC());
    }
}
