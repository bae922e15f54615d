package org.breakwater.apidiff;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.breakwater.apidiff.compare.SpecComparator;
import org.breakwater.apidiff.report.Finding;
import org.breakwater.apidiff.report.Report;
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

    public Report compare(ApiSpec oldSpec, ApiSpec newSpec) {
        List<Finding> findings = new SpecComparator(LocalDate.now(options.clock())).compare(oldSpec, newSpec);
        return new Report(oldSpec.file(), newSpec.file(), oldSpec.apiVersion(), newSpec.apiVersion(),
                findings, List.of(), List.of());
    }

    public SpecReader reader() {
        return reader;
    }
}
