package org.breakwater.apidiff;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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

    public Report compare(Path oldSpec, Path newSpec) throws SpecException {
        return compare(reader.read(oldSpec), reader.read(newSpec));
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
