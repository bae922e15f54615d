package org.breakwater.web;

import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.breakwater.apidiff.spec.Node;
import org.breakwater.apidiff.spec.ObjectNode;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.SpecException;
import org.breakwater.apidiff.spec.TreeReader;
import org.breakwater.catalog.Outcome;
import org.breakwater.cli.common.Times;

/**
 * What the routes share: JSON answers, request bodies, outcomes turned into problems, and the one
 * checked parser for every number, time, span and file name a request carries: a value past its
 * type's range is a 400 that says so, never an overflow further in.
 */
final class Requests {
    /** Times a request may name: wide enough for any deployment, narrow enough that no arithmetic on them overflows. */
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    /** The longest span a request may name (a deployment window, a lookback). */
    private static final Duration LONGEST = Duration.ofDays(3660);

    private Requests() {
    }

    /** The query parameter {@code name} as a whole number in [min, max], or {@code otherwise} when absent. */
    static int intParam(Context ctx, String name, int otherwise, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw Problem.badRequest(name + " must be between " + min + " and " + max + ", not '" + v + "'");
    }

    /** The part of {@code all} from {@code offset}, at most {@code limit} long (no int overflow at the far end). */
    static <T> List<T> page(List<T> all, int offset, int limit) {
        int from = Math.min(offset, all.size());
        return all.subList(from, (int) Math.min(all.size(), (long) from + limit));
    }

    /**
     * A time as people write it ({@link Times#instant}); empty when it is not one, so the caller
     * can say what it expected; a 400 when it is one outside the years 1970 to 9999.
     */
    static Optional<Instant> time(String text) {
        Optional<Instant> t;
        try {
            t = Times.instant(text);
        } catch (DateTimeException | ArithmeticException e) {
            t = Optional.of(Instant.MAX);
        }
        if (t.isPresent() && (t.get().isBefore(EARLIEST) || t.get().isAfter(LATEST))) {
            throw Problem.badRequest("times are between 1970 and 9999, not '" + text.strip() + "'");
        }
        return t;
    }

    /** A span as people write it (90m, 4h, 2w); empty when it is not one; a 400 past ten years. */
    static Optional<Duration> span(String text, String field) {
        Optional<Duration> d;
        try {
            d = Times.duration(text);
        } catch (NumberFormatException | ArithmeticException e) {
            d = Optional.of(LONGEST.plusDays(1));
        }
        if (d.isPresent() && d.get().compareTo(LONGEST) > 0) {
            throw Problem.badRequest(field + " may be at most " + LONGEST.toDays() + " days, not '" + text.strip() + "'");
        }
        return d;
    }

    /** A file name sent in a body: no control characters (a NUL cannot name a file anywhere). */
    static String fileName(String name, String field) {
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || name.length() > 255) {
            throw Problem.badRequest(field + " must be a file name of at most 255 characters without control"
                    + " characters");
        }
        return name;
    }

    /** "2014-06-16 12:00 UTC". */
    static String show(Instant t) {
        return org.breakwater.cli.common.Times.show(t);
    }

    static void json(Context ctx, String body) {
        ctx.contentType("application/json").result(body);
    }

    /** The value of a done outcome; a refused one becomes a problem with {@code status}. */
    static <T> T done(Outcome<T> o, int status) {
        if (o instanceof Outcome.Done<T> d) {
            return d.value();
        }
        throw new Problem(status, status == 404 ? "Not found" : "Bad request", ((Outcome.Refused<T>) o).reason());
    }

    static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw Problem.badRequest("a plan is named by its number, not '" + text + "'");
        }
    }

    static ObjectNode body(Context ctx) {
        try {
            Node parsed = new TreeReader(ReadLimits.defaults()).parse(ctx.body(), "request.json");
            if (!(parsed instanceof ObjectNode o)) {
                throw Problem.badRequest("the body must be a JSON object");
            }
            return o;
        } catch (SpecException e) {
            throw Problem.badRequest("the body is not JSON: " + e.problem().message() + " (line " + e.problem().line()
                    + ", column " + e.problem().column() + ")");
        }
    }

    static String required(ObjectNode body, String field) {
        return body.text(field).filter(v -> !v.isBlank())
                .orElseThrow(() -> Problem.badRequest("'" + field + "' is required"));
    }

}
