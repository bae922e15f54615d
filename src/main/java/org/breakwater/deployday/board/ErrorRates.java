package org.breakwater.deployday.board;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The live error rates on a plan's board: per service the plan ships, its cut-over and, per consumer x
 * operation, the calls before it (the detector's baseline) and since, with the share answered 4xx/5xx
 * (from the traffic status buckets, docs/traffic.md).
 *
 * @param watched true while the detector still watches the plan: in progress, or within the settling
 *                period after its end (the board reloads itself meanwhile)
 */
public record ErrorRates(List<Service> services, boolean watched) {
    /** No rates (a plan not deployed yet, or a board built without traffic). */
    public static final ErrorRates NONE = new ErrorRates(List.of(), false);

    public ErrorRates {
        services = List.copyOf(services);
    }

    /** "3 of 40 failed (8%)", or "no calls". */
    public static String share(long errors, long calls) {
        return calls == 0 ? "no calls" : errors + " of " + calls + " failed (" + Math.round(100.0 * errors / calls) + "%)";
    }

    /**
     * One release: {@code cutOver} empty when it is not deployed yet; {@code more} rows left out.
     */
    public record Service(String service, String version, Optional<Instant> cutOver, List<Row> rows, int more) {
        public Service {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One consumer x operation. {@code removed}: the operation is gone from the new version (calls to it
     * come unmatched); {@code failing}: past the detection policy's thresholds.
     */
    public record Row(String consumer, boolean known, String operation, boolean removed, long callsBefore,
                      long errorsBefore, long callsAfter, long errorsAfter, Optional<Instant> lastCall,
                      boolean failing) {
        public double before() {
            return callsBefore == 0 ? 0 : (double) errorsBefore / callsBefore;
        }

        public double after() {
            return callsAfter == 0 ? 0 : (double) errorsAfter / callsAfter;
        }
    }
}
