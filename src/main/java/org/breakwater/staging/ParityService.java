package org.breakwater.staging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.catalog.CatalogService;
import org.breakwater.catalog.Outcome;
import org.breakwater.catalog.Placement;
import org.breakwater.catalog.Service;
import org.breakwater.traffic.Crossings;
import org.breakwater.traffic.TrafficService;
import org.breakwater.traffic.Usage;

/**
 * Staging against production, per service ({@link Parity}): from the deployment records (what
 * runs where), the traffic counts (who calls each environment) and the crossings (production
 * hosts calling staging) that traffic ingest keeps. Reads only; stores nothing.
 */
public final class ParityService {
    /** The longest look back, in days. */
    public static final int MAX_DAYS = 3660;

    private final CatalogService catalog;
    private final TrafficService traffic;
    private final Clock clock;

    public ParityService(CatalogService catalog, TrafficService traffic, Clock clock) {
        this.catalog = catalog;
        this.traffic = traffic;
        this.clock = clock;
    }

    /** The environments compared, named or told from the catalog ({@link StagingPair}). */
    public Outcome<StagingPair> environments(Optional<String> staging, Optional<String> production) {
        return StagingPair.of(catalog.environments(), staging, production);
    }

    /** One service's parity over the last {@code days}. */
    public Outcome<Parity> parity(String service, StagingPair pair, int days) {
        if (catalog.service(service).isEmpty()) {
            return Outcome.refused(catalog.unknownService(service));
        }
        if (days < 1 || days > MAX_DAYS) {
            return Outcome.refused("days must be between 1 and " + MAX_DAYS + ", not " + days);
        }
        return Outcome.done(compute(service, pair, days));
    }

    /** The parity of every service deployed to staging or production, in name order. */
    public List<Parity> all(StagingPair pair, int days) {
        List<Parity> out = new ArrayList<>();
        for (Service s : catalog.services()) {
            Parity p = compute(s.name(), pair, Math.max(1, Math.min(days, MAX_DAYS)));
            if (p.versions() != Parity.Versions.NOWHERE) {
                out.add(p);
            }
        }
        return out;
    }

    private Parity compute(String service, StagingPair pair, int days) {
        Instant since = clock.instant().minus(Duration.ofDays(days));
        Optional<Placement> staging = catalog.placement(service, pair.staging());
        Optional<Placement> production = catalog.placement(service, pair.production());
        List<Crossings.Crossing> crossings = traffic.crossings(service).stream()
                .filter(x -> x.environment().equals(pair.staging()) && x.origin().equals(pair.production()))
                .filter(x -> !x.lastSeen().isBefore(since)).toList();
        List<Usage> usages = traffic.usages(service, Optional.empty()).stream()
                .filter(u -> !u.lastSeen().isBefore(since)).toList();
        Map<String, long[]> inProduction = new LinkedHashMap<>();
        Map<String, Instant> lastInProduction = new LinkedHashMap<>();
        Map<String, Long> inStaging = new LinkedHashMap<>();
        Map<String, Instant> lastInStaging = new LinkedHashMap<>();
        long unknown = usages.stream().filter(u -> !u.known() && u.environment().equals(pair.production()))
                .map(Usage::caller).distinct().count();
        for (Usage u : usages) {
            if (!u.known()) {
                continue;
            }
            if (u.environment().equals(pair.production())) {
                inProduction.computeIfAbsent(u.caller(), k -> new long[1])[0] += u.count();
                lastInProduction.merge(u.caller(), u.lastSeen(), ParityService::later);
            } else if (u.environment().equals(pair.staging())) {
                inStaging.merge(u.caller(), u.count(), Long::sum);
                lastInStaging.merge(u.caller(), u.lastSeen(), ParityService::later);
            }
        }
        List<Parity.ConsumerParity> consumers = new ArrayList<>();
        inProduction.forEach((caller, calls) -> consumers.add(new Parity.ConsumerParity(caller, calls[0],
                lastInProduction.get(caller), inStaging.getOrDefault(caller, 0L),
                crossings.stream().filter(x -> x.caller().equals(caller)).mapToLong(Crossings.Crossing::count).sum(),
                Optional.ofNullable(lastInStaging.get(caller)))));
        consumers.sort(java.util.Comparator.comparing(Parity.ConsumerParity::inStaging)
                .thenComparing(Parity.ConsumerParity::consumer));
        return new Parity(service, pair, days, staging, production, versions(staging, production), consumers, crossings,
                (int) unknown, usages.stream().anyMatch(u -> u.environment().equals(pair.production())));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    static Parity.Versions versions(Optional<Placement> staging, Optional<Placement> production) {
        if (staging.isEmpty()) {
            return production.isEmpty() ? Parity.Versions.NOWHERE : Parity.Versions.NOT_IN_STAGING;
        }
        if (production.isEmpty()) {
            return Parity.Versions.NOT_IN_PRODUCTION;
        }
        Placement s = staging.get();
        Placement p = production.get();
        if (s.version().equals(p.version())) {
            boolean drift = s.apiHash().isPresent() && p.apiHash().isPresent() && !s.apiHash().equals(p.apiHash());
            return drift ? Parity.Versions.DRIFT : Parity.Versions.SAME;
        }
        return s.since().isAfter(p.since()) ? Parity.Versions.CANDIDATE : Parity.Versions.BEHIND;
    }
}
