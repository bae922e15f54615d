package org.breakwater.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.catalog.AffectedConsumer;

/**
 * Where a plan's consumer migrations come from. {@link #RECORDED} knows only the catalog's
 * declared consumers and the evidence recorded on the plan; the traffic module's source adds what
 * the access logs show (org.breakwater.traffic.TrafficMigrations).
 */
public interface MigrationSource {
    List<Migration> migrations(Assessment assessment, List<Evidence> evidence, Instant now);

    /** Declared consumers, moved on by recorded evidence only. */
    MigrationSource RECORDED = MigrationSource::recorded;

    /**
     * Every consumer the assessment says a break reaches, in state declared, acknowledged (evidence
     * for gate consumers-acknowledged names it) or verified in staging (evidence for
     * consumers-migrated names it: a verification recorded by hand). Unmodifiable, and the same list
     * object while the assessment object and the per-consumer evidence are the same ({@link ConsumerTally}).
     */
    static List<Migration> recorded(Assessment assessment, List<Evidence> evidence, Instant now) {
        List<Evidence> perConsumer = evidence.stream().filter(e -> e.note().isPresent()
                && (e.gate().equals("consumers-migrated") || e.gate().equals("consumers-acknowledged"))).toList();
        return RecordedMigrations.of(assessment, perConsumer, () -> declared(assessment, perConsumer));
    }

    /** {@link #recorded}, worked out (the list is kept per plan by {@link RecordedMigrations}). */
    private static List<Migration> declared(Assessment assessment, List<Evidence> perConsumer) {
        Map<String, Migration> out = new LinkedHashMap<>();
        for (List<AffectedConsumer> team : assessment.consumersByTeam().values()) {
            for (AffectedConsumer a : team) {
                String name = a.consumer().name();
                if (out.containsKey(name)) {
                    continue;
                }
                Migration m = new Migration(name, true, a.consumer().service(), true, false, MigrationState.DECLARED,
                        a.depth() > 1 ? "declared in the catalog (through " + String.join(" → ", a.via()) + ")"
                                : "declared in the catalog", List.of(), List.of());
                out.put(name, perConsumer.isEmpty() ? m : advance(m, perConsumer));
            }
        }
        return new ArrayList<>(out.values());
    }

    /** {@code m} moved on by the evidence recorded for it (its name in the evidence's note). */
    static Migration advance(Migration m, List<Evidence> evidence) {
        if (evidence.isEmpty()) {
            return m;
        }
        Optional<Evidence> migrated = named(evidence, "consumers-migrated", m.consumer());
        if (migrated.isPresent() && !m.state().reached(MigrationState.VERIFIED_STAGING)) {
            return m.with(MigrationState.VERIFIED_STAGING, "verified, recorded by " + migrated.get().by() + ": "
                    + migrated.get().evidence());
        }
        Optional<Evidence> ack = named(evidence, "consumers-acknowledged", m.consumer());
        if (ack.isPresent() && !m.state().reached(MigrationState.ACKNOWLEDGED)) {
            return m.with(MigrationState.ACKNOWLEDGED, "acknowledged, recorded by " + ack.get().by() + ": "
                    + ack.get().evidence());
        }
        return m;
    }

    private static Optional<Evidence> named(List<Evidence> evidence, String gate, String consumer) {
        return evidence.stream().filter(e -> e.gate().equals(gate) && e.note().filter(consumer::equals).isPresent())
                .findFirst();
    }
}
