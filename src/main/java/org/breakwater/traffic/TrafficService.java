package org.breakwater.traffic;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.breakwater.catalog.CatalogService;
import org.breakwater.catalog.Outcome;
import org.breakwater.traffic.parse.LogFormat;
import org.breakwater.traffic.parse.ChunkedLogReader;
import org.breakwater.traffic.parse.ReadSummary;

/**
 * Consumers from real traffic: reads a service's access logs, names each request's caller
 * (the catalog's consumers by their rules, else an unknown one described) and the operation it
 * called (against the description deployed at that moment), and adds the counts to the store.
 */
public final class TrafficService {
    private final CatalogService catalog;
    private final TrafficRepository repository;
    private final SampleRepository samples;
    private final java.util.Set<String> droppedQuery;

    public TrafficService(CatalogService catalog, TrafficRepository repository) {
        this(catalog, repository, SampleRepository.NONE, java.util.Set.of());
    }

    /**
     * An ingest that also keeps samples of request targets in {@code samples}, without the query
     * parameters named in {@code droppedQuery} (and {@link TargetSamples#ALWAYS_DROPPED}).
     */
    public TrafficService(CatalogService catalog, TrafficRepository repository, SampleRepository samples,
                          java.util.Set<String> droppedQuery) {
        this.catalog = catalog;
        this.repository = repository;
        this.samples = samples;
        this.droppedQuery = java.util.Set.copyOf(droppedQuery);
    }

    /**
     * A log to read: its name (for messages), how to open it, and the read to record with its
     * counts (a plain ingest's file, {@link LogReads}), so that it is not counted again.
     */
    public record Input(String name, Opener open, Optional<LogRead> read) {
        public Input(String name, Opener open) {
            this(name, open, Optional.empty());
        }
    }

    /** Opens a log; called once. */
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** What an ingest did: per input, the reader's summary; the counts it added. */
    public record Report(List<ReadSummary> inputs, List<Usage> usages, List<Crossings.Crossing> crossings) {
        public Report(List<ReadSummary> inputs, List<Usage> usages) {
            this(inputs, usages, List.of());
        }

        public long calls() {
            return usages.stream().mapToLong(Usage::count).sum();
        }
    }

    /**
     * The catalog's rules for recognising consumers, every consumer's (a consumer that never
     * declared using this service is exactly what a log can reveal), in catalog order.
     */
    public Outcome<List<CallerRule>> rules() {
        List<CallerRule> rules = new ArrayList<>();
        for (org.breakwater.catalog.Consumer c : catalog.export().consumers()) {
            for (org.breakwater.catalog.Identify i : c.identify()) {
                try {
                    rules.add(new CallerRule(c.name(), CallerRule.Kind.valueOf(i.kind().name()), i.value(), i.header()));
                } catch (IllegalArgumentException e) {
                    return Outcome.refused("the catalog's rule to recognise " + e.getMessage());
                }
            }
        }
        return Outcome.done(rules);
    }

    /**
     * Reads {@code inputs} as logs of {@code service} in {@code environment}: all or nothing per
     * call — the counts are stored in one transaction once every input is read.
     */
    public Outcome<Report> ingest(String service, String environment, LogFormat format, List<Input> inputs,
                                  List<CallerRule> rules, Function<String, Optional<String>> resolver) {
        if (catalog.service(service).isEmpty()) {
            return Outcome.refused(catalog.unknownService(service));
        }
        if (catalog.environments().stream().noneMatch(e -> e.name().equals(environment))) {
            return Outcome.refused(catalog.unknownEnvironment(environment));
        }
        DeployedApis apis = new DeployedApis(catalog, service, environment);
        CallerIdentifier identify = new CallerIdentifier(rules, resolver);
        Tally tally = new Tally(service, environment, StatusGrid.around(apis.times()));
        Crossings crossings = new Crossings(service, environment, new Crossings.Origins(catalog.environments()));
        List<ReadSummary> summaries = new ArrayList<>();
        int threads = Runtime.getRuntime().availableProcessors();
        ChunkedLogReader reader = new ChunkedLogReader(format, threads);
        NameIds ids = new NameIds();
        TallySlots slots = new TallySlots(tally);
        ChunkCounts.Pool pool = new ChunkCounts.Pool();
        TargetSamples sampled = samples == SampleRepository.NONE ? TargetSamples.NONE
                : new TargetSamples(service, environment, droppedQuery);
        for (Input input : inputs) {
            try (InputStream in = input.open().open()) {
                summaries.add(reader.read(input.name(), in,
                        () -> threads == 1 ? new LineCounter(apis, identify, ids, crossings, sampled).direct(slots)
                                : new LineCounter(apis, identify, ids, crossings, sampled).recycling(pool), c -> {
                            c.addTo(slots);
                            pool.recycle(c);
                        }));
            } catch (IOException e) {
                return Outcome.refused(input.name() + ": cannot be read: " + e.getMessage() + " (nothing was stored)");
            }
        }
        List<Usage> usages = tally.usages();
        List<LogRead> reads = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (summaries.get(i).failure().isEmpty()) {
                inputs.get(i).read().ifPresent(reads::add); // a log whose reading failed is not remembered as read
            }
        }
        repository.merge(usages, crossings.crossings(), List.of(), List.of(), reads, tally.statuses());
        samples.merge(sampled.samples()); // after the counts: a sample lost to a crash costs only replay coverage
        return Outcome.done(new Report(summaries, usages, crossings.crossings()));
    }

    /** The path of a target, without its query, for unmatched calls. */
    static String path(String target) {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** The target samples kept of a service's calls in {@code environment} (replay). */
    public List<Sample> samples(String service, String environment) {
        return samples.samples(service, environment);
    }

    public List<Usage> usages(String service, Optional<String> environment) {
        return repository.usages(service, environment);
    }

    /** Calls by status class in one-minute buckets from {@code from} to {@code to} (a bounded window is kept). */
    public List<StatusCount> statuses(String service, String environment, java.time.Instant from, java.time.Instant to) {
        return repository.statuses(service, environment, from, to);
    }

    /** Where following a service's logs in {@code environment} stopped, per file (traffic ingest --follow). */
    public List<Follower.Cursor> cursors(String service, String environment) {
        return repository.cursors(service, environment);
    }

    /** Where the followers stopped reading every followed file. */
    public List<Follower.Cursor> cursors() {
        return repository.cursors();
    }

    /** What plain ingests read of the logs of a service's environment ({@link LogReads}). */
    public List<LogRead> reads(String service, String environment) {
        return repository.reads(service, environment);
    }

    /** Forgets traffic counts and crossings last seen before {@code before} (breakwater prune). */
    public int prune(java.time.Instant before) {
        return repository.prune(before) + samples.prune(before);
    }

    /** Calls into {@code service} from hosts of another environment (the catalog's environments' hosts). */
    public List<Crossings.Crossing> crossings(String service) {
        return repository.crossings(service);
    }

    /**
     * A caller seen calling an operation a plan's release breaks: who, what, how often and
     * when last, with the breaking changes to that operation.
     */
    public record Hit(String service, String operation, List<String> changes, String caller, boolean known, long calls,
                      java.time.Instant lastSeen) {
    }

    /**
     * Every caller, known or not, that called an operation one of the plan's releases removes
     * or breaks, in the plan's environment, within {@code window} before {@code now}. A change
     * to the whole API (a base path) hits every operation of the service.
     */
    public List<Hit> impact(org.breakwater.plan.PlanReport report, java.time.Duration window, java.time.Instant now) {
        java.time.Instant since = now.minus(window);
        List<Hit> hits = new ArrayList<>();
        for (org.breakwater.plan.ReleaseAssessment ra : report.assessment().releases()) {
            Map<String, List<String>> changes = new java.util.LinkedHashMap<>();
            List<String> wholeApi = new ArrayList<>();
            for (org.breakwater.apidiff.report.Finding f : ra.breaking()) {
                if (f.operation().isEmpty()) {
                    wholeApi.add(f.message());
                } else {
                    changes.computeIfAbsent(org.breakwater.apidiff.spec.Operation.keyOf(f.operation()), k -> new ArrayList<>()).add(f.message());
                }
            }
            for (Usage u : repository.usages(ra.service().name(), Optional.of(report.plan().environment()))) {
                if (u.lastSeen().isBefore(since)) {
                    continue;
                }
                List<String> hitBy = new ArrayList<>(changes.getOrDefault(u.operation(), List.of()));
                if (u.matched()) {
                    hitBy.addAll(wholeApi);
                }
                if (!hitBy.isEmpty()) {
                    hits.add(new Hit(u.service(), u.operation(), hitBy, u.caller(), u.known(), u.count(), u.lastSeen()));
                }
            }
        }
        hits.sort(java.util.Comparator.comparing(Hit::known).thenComparing(Hit::caller).thenComparing(Hit::operation));
        return hits;
    }
}
