package org.breakwater.bench.junit;

import java.nio.file.Path;
import org.breakwater.staging.ReportRead;
import org.breakwater.staging.TestReport;
import org.breakwater.staging.junit.JunitReader;

/**
 * One read of a JUnit XML file with Breakwater's {@link JunitReader}, in a fresh JVM (bench/junit.sh
 * starts one per run): prints the time of the read alone, and what it found.
 */
public final class ReadJunit {
    public static void main(String[] args) {
        long t0 = System.nanoTime();
        ReportRead read = new JunitReader().read(Path.of(args[0]));
        long t1 = System.nanoTime();
        if (read instanceof ReportRead.Refused r) {
            System.err.println("refused: " + r.message());
            System.exit(1);
        }
        TestReport.Totals t = ((ReportRead.Read) read).report().totals();
        System.out.printf("read_ms=%.1f%ncases=%d%nfailures=%d%nerrors=%d%nskipped=%d%n", (t1 - t0) / 1e6, t.tests(),
                t.failures(), t.errors(), t.skipped());
    }
}
