package org.breakwater.plan;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.breakwater.catalog.ApiDescription;
import org.breakwater.catalog.Environment;
import org.breakwater.catalog.Versions;

/**
 * The bounds on what enters a plan, in one place for every entry path (the REST API, the
 * forms, the command line): each check says why a value is refused, or nothing when it is
 * fine. docs/plans.md, "Limits", lists them.
 */
public final class PlanInput {
    /** The longest deployment a plan may announce. */
    public static final Duration MAX_DURATION = Duration.ofDays(14);
    /** How far from now a start may lie, either way. */
    public static final Duration MAX_DISTANCE = Duration.ofDays(5 * 366);
    /** How far ahead of the clock evidence may be dated (clocks disagree a little). */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** The longest ticket link. */
    public static final int MAX_URL = 2000;

    private PlanInput() {
    }

    /** Why {@code duration} is refused: not positive, or longer than {@link #MAX_DURATION}. */
    public static Optional<String> duration(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return Optional.of("the expected duration must be positive");
        }
        if (duration.compareTo(MAX_DURATION) > 0) {
            return Optional.of("the expected duration, " + days(duration) + ", is longer than a deployment may last ("
                    + MAX_DURATION.toDays() + " days); split it into several plans");
        }
        return Optional.empty();
    }

    /** Why {@code start} is refused: more than {@link #MAX_DISTANCE} from {@code now}. */
    public static Optional<String> start(Instant start, Instant now) {
        if (start.isAfter(now.plus(MAX_DISTANCE)) || start.isBefore(now.minus(MAX_DISTANCE))) {
            return Optional.of("the start, " + GateEvaluator.day(start) + ", is more than 5 years from now ("
                    + GateEvaluator.day(now) + "); a plan starts within 5 years either way");
        }
        return Optional.empty();
    }

    /** A warning when {@code start} has passed (a plan that needs {@code force} to be scheduled). */
    public static Optional<String> past(Instant start, Instant now) {
        if (!start.isBefore(now)) {
            return Optional.empty();
        }
        return Optional.of("the start, " + GateEvaluator.day(start) + ", is in the past (now " + GateEvaluator.day(now)
                + ")");
    }

    /** Why a ticket link is refused: not an absolute http(s) URL, spaces or control characters, too long. */
    public static Optional<String> url(String url) {
        String shown = url.length() > 60 ? url.substring(0, 60) + "…" : url;
        shown = shown.replaceAll("\\p{Cntrl}", "?");
        if (url.length() > MAX_URL) {
            return Optional.of("the ticket link is longer than " + MAX_URL + " characters");
        }
        if (url.codePoints().anyMatch(c -> c <= ' ' || c == 0x7F || Character.isWhitespace(c)
                || Character.getType(c) == Character.CONTROL)) {
            return Optional.of("the ticket link '" + shown + "' contains spaces or control characters");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return Optional.of("the ticket link '" + shown + "' is not an absolute http or https URL"
                        + " (such as https://pagure.io/fedora-infrastructure/issue/4242)");
            }
        } catch (URISyntaxException e) {
            return Optional.of("the ticket link '" + shown + "' is not a URL: " + e.getReason());
        }
        return Optional.empty();
    }

    /**
     * Why plan {@code p} cannot be made as given (the first reason), checked before anything is
     * stored; a scheduled plan whose start has passed needs {@code force}.
     */
    static Optional<String> refusal(NewPlan p, List<Environment> environments, Instant now, boolean force) {
        if (p.releases().isEmpty()) {
            return Optional.of("a plan ships at least one release (--release SERVICE=VERSION)");
        }
        if (environments.stream().noneMatch(e -> e.name().equals(p.environment()))) {
            return Optional.of("unknown environment '" + p.environment() + "'");
        }
        Optional<String> past = past(p.start(), now).filter(w -> p.status() == PlanStatus.SCHEDULED && !force)
                .map(w -> w + "; a scheduled plan in the past needs --force (API: \"force\": true) - or pick a start"
                        + " ahead (create a draft, then plan propose)");
        return p.services().stream().map(s -> version(s, p.releases().get(s))).flatMap(Optional::stream).findFirst()
                .or(() -> duration(p.duration()))
                .or(() -> start(p.start(), now))
                .or(() -> p.ticket().flatMap(PlanInput::url))
                .or(() -> p.descriptions().values().stream().map(ApiDescription::problem).flatMap(Optional::stream)
                        .findFirst())
                .or(() -> past);
    }

    /** Why evidence dated {@code at} is refused: later than now (give or take {@link #CLOCK_SKEW}). */
    public static Optional<String> evidenceTime(Instant at, Instant now) {
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            return Optional.of("evidence cannot come from the future (" + GateEvaluator.day(at) + "; now "
                    + GateEvaluator.day(now) + ")");
        }
        return Optional.empty();
    }

    /** Why {@code version} is refused ({@link Versions}). */
    public static Optional<String> version(String service, String version) {
        return Versions.problem(version).map(p -> service + ": " + p);
    }

    private static String days(Duration d) {
        return d.toDays() > 0 ? d.toDays() + " days" : d.toHours() + " hours";
    }
}
