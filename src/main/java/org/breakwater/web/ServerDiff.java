package org.breakwater.web;

import java.time.Clock;
import java.time.Duration;
import org.breakwater.apidiff.ApiDiff;
import org.breakwater.apidiff.DiffOptions;
import org.breakwater.apidiff.compare.CompareLimits;
import org.breakwater.apidiff.report.Report;
import org.breakwater.apidiff.spec.ApiSpec;
import org.breakwater.apidiff.spec.ReadLimits;

/**
 * The comparison engine as the server runs it for {@code POST /api/v1/diff} and the compare
 * page: a tenth of the CLI's step budget (the server shares a small heap among requests) and
 * a time limit per request, past which the answer is a 503 problem instead of a report.
 */
final class ServerDiff {
    static final Duration TIME_LIMIT = Duration.ofSeconds(10);
    static final long MAX_STEPS = CompareLimits.DEFAULT_MAX_STEPS / 10;

    private ServerDiff() {
    }

    static ApiDiff engine() {
        return new ApiDiff(new DiffOptions(ReadLimits.defaults(), Clock.systemUTC(),
                new CompareLimits(MAX_STEPS, CompareLimits.DEFAULT_MAX_FINDINGS)));
    }

    /** The report, or a 503 problem when the comparison runs past {@link #TIME_LIMIT}. */
    static Report compare(ApiDiff diff, ApiSpec older, ApiSpec newer) {
        return compare(diff, older, newer, TIME_LIMIT);
    }

    static Report compare(ApiDiff diff, ApiSpec older, ApiSpec newer, Duration limit) {
        ApiDiff.Timed outcome = diff.compareWithin(older, newer, limit);
        if (outcome instanceof ApiDiff.Timed.OutOfTime late) {
            throw new Problem(503, "Comparison took too long", late.message());
        }
        return ((ApiDiff.Timed.Done) outcome).report();
    }
}
