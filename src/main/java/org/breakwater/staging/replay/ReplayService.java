package org.breakwater.staging.replay;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.breakwater.catalog.CatalogService;
import org.breakwater.catalog.Environment;
import org.breakwater.catalog.Outcome;
import org.breakwater.catalog.Placement;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlannedRelease;
import org.breakwater.plan.ReplayCheck;
import org.breakwater.traffic.Sample;

/**
 * Replays a plan's sampled production calls against staging: the calls real callers made to the
 * plan's services in every production environment (traffic ingest's samples) go to the
 * candidate environment (the one naming baselines in the catalog, or the one asked for) and to
 * its baselines; never to an environment marked production. Stores each run; acknowledgements
 * explain differences; {@link #check} is what the {@code staging-replay} gate reads.
 */
public final class ReplayService implements ReplayCheck.Source {
    private final CatalogService catalog;
    private final BiFunction<String, String, List<Sample>> samples;
    private final ReplayRepository repository;
    private final Function<ReplayLimits, Fetcher> fetchers;
    private final Clock clock;

    public ReplayService(CatalogService catalog, BiFunction<String, String, List<Sample>> samples,
                         ReplayRepository repository, Function<ReplayLimits, Fetcher> fetchers, Clock clock) {
        this.catalog = catalog;
        this.samples = samples;
        this.repository = repository;
        this.fetchers = fetchers;
        this.clock = clock;
    }

    /** Replays {@code plan}'s calls to {@code candidate} (default: the environment naming baselines) and stores the run. */
    public Outcome<ReplayRun> replay(Plan plan, Optional<String> candidate, ReplayLimits limits, Set<String> noise) {
        Noise configured;
        try {
            configured = new Noise(noise);
        } catch (IllegalArgumentException e) {
            return Outcome.refused(e.getMessage());
        }
        Outcome<Targets> targets = targets(plan, candidate);
        if (targets instanceof Outcome.Refused<Targets> r) {
            return Outcome.refused(r.reason());
        }
        Targets to = ((Outcome.Done<Targets>) targets).value();
        List<ReplayCall> calls = calls(plan);
        Instant started = clock.instant();
        ReplayTally tally = new ReplayTally(configured);
        AnsweredCalls answered = new AnsweredCalls(fetchers.apply(limits), to.endpoints());
        try {
            new ReplayEngine(answered, limits).run(calls, to.endpoints()::get, tally);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.refused("the replay was interrupted; nothing was stored");
        }
        ReplayTally.Counts c = tally.counts();
        ReplayRun run = new ReplayRun(0, plan.id(), started, clock.instant(), to.candidate().name(),
                to.baselines().stream().map(Environment::name).toList(), versions(plan, to.candidate().name()),
                c.calls(), c.differing(), c.unanswered(), c.capped(), c.skipped(), tally.groups(), answered.exercised(calls));
        long id = repository.save(run);
        return Outcome.done(repository.run(id).orElseThrow());
    }

    private record Targets(Environment candidate, List<Environment> baselines, Map<String, ReplayEngine.Endpoints> endpoints) {
    }

    private Outcome<Targets> targets(Plan plan, Optional<String> asked) {
        List<Environment> all = catalog.environments();
        Optional<Environment> candidate = asked.isPresent()
                ? all.stream().filter(e -> e.name().equals(asked.get())).findFirst()
                : all.stream().filter(e -> !e.production() && !e.baselines().isEmpty()).findFirst();
        if (candidate.isEmpty()) {
            return Outcome.refused(asked.isPresent() ? catalog.unknownEnvironment(asked.get())
                    : "no environment names replay baselines: add 'baselines: [ENV]' (and base_url) to the staging"
                    + " environment in the catalog (docs/staging.md, Replay)");
        }
        Environment c = candidate.get();
        List<Environment> baselines = new ArrayList<>();
        for (String b : c.baselines()) {
            all.stream().filter(e -> e.name().equals(b)).findFirst().ifPresent(baselines::add);
        }
        List<Environment> called = new ArrayList<>(baselines);
        called.add(c);
        for (Environment e : called) {
            if (e.production()) {
                return Outcome.refused("replay never calls production, and " + e.name() + " is marked production");
            }
            if (e.baseUrl().isEmpty()) {
                return Outcome.refused("environment " + e.name() + " has no base_url in the catalog: replay cannot call it");
            }
        }
        if (baselines.isEmpty()) {
            return Outcome.refused("environment " + c.name() + " names no baselines to compare it with");
        }
        Map<String, ReplayEngine.Endpoints> endpoints = new HashMap<>();
        for (PlannedRelease r : plan.releases()) {
            List<URI> bases = baselines.stream().map(e -> e.baseUrl(r.service()).orElseThrow()).toList();
            endpoints.put(r.service(), new ReplayEngine.Endpoints(c.baseUrl(r.service()).orElseThrow(), bases));
        }
        return Outcome.done(new Targets(c, baselines, endpoints));
    }

    /** The plan's services' samples from every production environment, interleaved so a cap leaves no caller out. */
    List<ReplayCall> calls(Plan plan) {
        List<List<ReplayCall>> perSample = new ArrayList<>();
        for (Environment e : catalog.environments()) {
            if (!e.production()) {
                continue;
            }
            for (PlannedRelease r : plan.releases()) {
                for (Sample s : samples.apply(r.service(), e.name())) {
                    double weight = s.targets().isEmpty() ? 0 : (double) s.seen() / s.targets().size();
                    perSample.add(s.targets().stream().filter(t -> t.startsWith("/") && !t.startsWith("//"))
                            .map(t -> new ReplayCall(s.service(), s.operation(), s.caller(), s.known(), s.method(), t,
                                    weight)).toList());
                }
            }
        }
        List<ReplayCall> calls = new ArrayList<>();
        for (int i = 0; ; i++) {
            boolean any = false;
            for (List<ReplayCall> l : perSample) {
                if (i < l.size()) {
                    calls.add(l.get(i));
                    any = true;
                }
            }
            if (!any) {
                return calls;
            }
        }
    }

    private List<String> versions(Plan plan, String environment) {
        List<String> out = new ArrayList<>();
        for (PlannedRelease r : plan.releases()) {
            if (catalog.where(Optional.of(r.service())) instanceof Outcome.Done<List<Placement>> d) {
                d.value().stream().filter(p -> p.environment().equals(environment))
                        .forEach(p -> out.add(p.service() + " " + p.version()));
            }
        }
        return out;
    }

    public Optional<ReplayRun> latestRun(long plan) {
        return repository.latest(plan);
    }

    public Optional<ReplayRun> run(long id) {
        return repository.run(id);
    }

    public List<ReplayRun> runs(long plan) {
        return repository.runs(plan);
    }

    public List<ReplayRun.Acknowledgement> acknowledgements(long plan) {
        return repository.acknowledgements(plan);
    }

    /** Explains the difference {@code key} of the plan's newest run (it stays explained in later runs). */
    public Outcome<ReplayRun.Acknowledgement> acknowledge(long plan, String key, String by, String note) {
        Optional<ReplayRun> latest = repository.latest(plan);
        if (latest.isEmpty()) {
            return Outcome.refused("plan " + plan + " has no replay yet (breakwater staging replay " + plan + ")");
        }
        if (latest.get().real().stream().noneMatch(g -> g.key().equals(key))) {
            return Outcome.refused("plan " + plan + "'s last replay has no difference '" + key + "'"
                    + org.breakwater.text.Suggestions.didYouMean(key, latest.get().real().stream()
                    .map(DifferenceGroup::key).toList()));
        }
        if (note.isBlank() || by.isBlank()) {
            return Outcome.refused("an acknowledgement needs who and why (--by, --note)");
        }
        ReplayRun.Acknowledgement a = new ReplayRun.Acknowledgement(plan, key, by, clock.instant(), note);
        repository.acknowledge(a);
        return Outcome.done(a);
    }

    @Override
    public Optional<ReplayCheck> latest(long plan) {
        Optional<ReplayRun> run = repository.latest(plan);
        if (run.isEmpty()) {
            return Optional.empty();
        }
        Set<String> acked = new java.util.HashSet<>();
        repository.acknowledgements(plan).forEach(a -> acked.add(a.key()));
        List<String> unexplained = run.get().real().stream().filter(g -> !acked.contains(g.key()))
                .map(g -> g.key() + " " + g.operation() + ": " + g.describe()).toList();
        return Optional.of(new ReplayCheck(run.get().finished(), run.get().versions(), run.get().calls(), unexplained));
    }
}
