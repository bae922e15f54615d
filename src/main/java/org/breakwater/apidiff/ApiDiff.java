package org.breakwater.apidiff;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.BooleanSupplier;
import org.breakwater.apidiff.compare.Comparison;
import org.breakwater.apidiff.compare.SpecComparator;
import org.breakwater.apidiff.report.Report;
import org.breakwater.apidiff.rule.Profile;
import org.breakwater.apidiff.spec.ApiSpec;
import org.breakwater.apidiff.spec.SpecException;
import org.breakwater.apidiff.spec.SpecReader;

/**
 * The engine's front door: read two API descriptions and report every change between them.
 * Pure Java, no framework, no network, no database; safe to call from many threads.
 */
public final class ApiDiff {
    private final DiffOptions options;
    private final SpecReader reader;

    public ApiDiff(DiffOptions options) {
        this.options = options;
        this.reader = new SpecReader(options.limits());
    }

    /**
     * Reads both descriptions, the old one on a second thread (reading is most of the work and
     * the two are independent), then compares them.
     */
    public Report compare(Path oldSpec, Path newSpec) throws SpecException {
        FutureTask<ApiSpec> older = new FutureTask<>(() -> reader.read(oldSpec));
        Thread thread = new Thread(older, "breakwater-read-old");
        thread.setDaemon(true);
        thread.start();
        ApiSpec newer = null;
        SpecException newProblem = null;
        try {
            newer = reader.read(newSpec);
        } catch (SpecException e) {
            newProblem = e;
        } catch (RuntimeException | Error e) {
            older.cancel(true);
            throw e;
        }
        ApiSpec old = await(older); // a problem in the old description is reported first
        if (newProblem != null) {
            throw newProblem;
        }
        return compare(old, newer);
    }

    private static ApiSpec await(FutureTask<ApiSpec> task) throws SpecException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SpecException se) {
                throw se;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /**
     * Compares two descriptions already read, within {@link DiffOptions#compare()}: a report
     * lists at most so many findings (the most severe kept, the rest counted), and a
     * comparison that runs out of steps ends with a breaking {@code comparison-incomplete} finding.
     */
    public Report compare(ApiSpec oldSpec, ApiSpec newSpec) {
        return report(oldSpec, newSpec, run(oldSpec, newSpec, () -> false), options.profile());
    }

    /** What {@link #compareWithin} gives: the report, or word that the time ran out first. */
    public sealed interface Timed permits Timed.Done, Timed.OutOfTime {
        record Done(Report report) implements Timed {
        }

        record OutOfTime(String message) implements Timed {
        }
    }

    /**
     * {@link #compare(ApiSpec, ApiSpec)}, but given up once {@code limit} has passed (checked
     * every few thousand steps): for a server, which must answer each request in bounded time.
     */
    public Timed compareWithin(ApiSpec oldSpec, ApiSpec newSpec, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        Comparison c = run(oldSpec, newSpec, () -> System.nanoTime() - end > 0);
        if (c.stop().isPresent() && c.stop().get().reason() == Comparison.Stop.Reason.TIME) {
            return new Timed.OutOfTime(c.stop().get().message());
        }
        return new Timed.Done(report(oldSpec, newSpec, c, options.profile()));
    }

    private Comparison run(ApiSpec oldSpec, ApiSpec newSpec, BooleanSupplier overtime) {
        return new SpecComparator(LocalDate.now(options.clock()), options.profile()).compare(oldSpec, newSpec, options.compare(), overtime);
    }

    private static Report report(ApiSpec oldSpec, ApiSpec newSpec, Comparison c, Profile profile) {
        List<String> notices = profile == Profile.DEFAULT ? List.of() : List.of("levels are judged for the "
                + profile.id() + " profile: a new response enum value or oneOf/anyOf variant is breaking unless"
                + " the schema is marked extensible");
        Report r = new Report(oldSpec.file(), newSpec.file(), oldSpec.apiVersion(), newSpec.apiVersion(),
                c.findings(), List.of(), notices, c.omitted());
        return r.truncation().map(t -> r.withFindings(r.findings(), List.of(), List.of(t))).orElse(r);
    }

    public SpecReader reader() {
        return reader;
    }
}
