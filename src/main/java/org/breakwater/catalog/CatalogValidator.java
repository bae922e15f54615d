package org.breakwater.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.breakwater.apidiff.spec.ApiSpec;
import org.breakwater.apidiff.spec.Operation;
import org.breakwater.text.Suggestions;

/**
 * Checks a catalog read from files: duplicate names, references to unknown teams, people,
 * services and operations (errors, each at its file:line:column), and dependency cycles
 * (a warning: they are legal, but a break then comes back round).
 */
public final class CatalogValidator {
    private final CatalogDraft draft;
    private final List<CatalogProblem> problems = new ArrayList<>();
    /** A file that could not be read: every reference not found may follow from it. */
    private final Optional<CatalogProblem> unreadable;
    /** Cause → how many reference errors that follow from it were left out. */
    private final Map<CatalogProblem, Integer> following = new LinkedHashMap<>();

    private CatalogValidator(CatalogDraft draft) {
        this.draft = draft;
        problems.addAll(draft.problems());
        unreadable = problems.stream().filter(p -> p.stage() == CatalogProblem.Stage.FILE).findFirst();
    }

    /** An environment's replay baselines: other, known, non-production environments, at most two. */
    private void baselines(Catalog built) {
        Map<String, Environment> byName = new java.util.HashMap<>();
        built.environments().forEach(e -> byName.put(e.name(), e));
        for (Located<Environment> e : draft.environments()) {
            List<String> baselines = e.value().baselines();
            if (baselines.size() > Environment.BASELINES) {
                problems.add(e.error("environment " + e.value().name() + " names " + baselines.size()
                        + " baselines; replay compares with one, or two to learn noise"));
            }
            for (String b : baselines) {
                Environment other = byName.get(b);
                if (other == null || b.equals(e.value().name())) {
                    problems.add(e.error("environment " + e.value().name() + " names baseline '" + b + "', "
                            + (other == null ? "which is not an environment" + suggest(b, byName.keySet()) : "itself")));
                } else if (other.production()) {
                    problems.add(e.error("environment " + e.value().name() + " names baseline '" + b
                            + "', a production environment: replay never calls production"));
                }
            }
        }
    }

    public static CatalogCheck check(CatalogDraft draft) {
        return new CatalogValidator(draft).run();
    }

    private CatalogCheck run() {
        unique(draft.environments(), Environment::name, "environment");
        unique(draft.teams(), Team::name, "team");
        unique(draft.people(), Person::username, "person");
        unique(draft.services(), Service::name, "service");
        unique(draft.consumers(), Consumer::name, "consumer");
        Catalog built = draft.build();
        Set<String> people = names(built.people(), Person::username);
        Set<String> teams = names(built.teams(), Team::name);
        Set<String> services = names(built.services(), Service::name);
        if (!draft.environments().isEmpty() && built.environments().stream().noneMatch(Environment::production)) {
            Located<Environment> first = draft.environments().get(0);
            problems.add(first.warning("no environment is marked 'production: true'; deployments to production"
                    + " cannot be told apart"));
        }
        baselines(built);
        for (Located<Team> t : draft.teams()) {
            for (String m : t.value().members()) {
                if (!people.contains(m)) {
                    reference(at(t, "member/" + m), "team " + t.value().name()
                            + " lists '" + m + "', who is not among the people" + suggest(m, people), "person", m);
                }
            }
        }
        for (Located<Person> p : draft.people()) {
            for (String team : p.value().teams()) {
                if (!teams.contains(team)) {
                    reference(p, p.value().username() + " is a member of unknown team '" + team + "'"
                            + suggest(team, teams), "team", team);
                }
            }
        }
        for (Located<Service> s : draft.services()) {
            if (!teams.contains(s.value().owner())) {
                reference(at(s, "owner"), "service " + s.value().name() + " is owned by unknown team '"
                        + s.value().owner() + "'" + suggest(s.value().owner(), teams), "team", s.value().owner());
            }
        }
        List<Consumer> resolved = new ArrayList<>();
        for (Located<Consumer> c : draft.consumers()) {
            resolved.add(consumer(c, teams, services));
        }
        cycles(resolved);
        Map<String, Consumer> byName = new LinkedHashMap<>();
        resolved.forEach(c -> byName.putIfAbsent(c.name(), c));
        Catalog catalog = new Catalog(built.environments(), built.teams(), built.people(), built.services(),
                List.copyOf(byName.values()));
        problems.replaceAll(p -> following.containsKey(p) ? p.withFollowing(following.get(p)) : p);
        problems.sort(Comparator.comparing(CatalogProblem::stage).thenComparing(CatalogProblem::file)
                .thenComparingInt(CatalogProblem::line).thenComparingInt(CatalogProblem::column));
        return new CatalogCheck(catalog, draft.descriptions(), problems);
    }

    private Consumer consumer(Located<Consumer> lc, Set<String> teams, Set<String> services) {
        Consumer c = lc.value();
        if (!teams.contains(c.owner())) {
            reference(at(lc, "owner"), "consumer " + c.name() + " is owned by unknown team '"
                    + c.owner() + "'" + suggest(c.owner(), teams), "team", c.owner());
        }
        c.service().filter(s -> !services.contains(s)).ifPresent(s -> reference(at(lc, "service"), "consumer "
                + c.name() + " is part of unknown service '" + s + "'" + suggest(s, services), "service", s));
        List<Use> uses = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Use u : c.uses()) {
            int occurrence = seen.merge(u.service(), 1, Integer::sum);
            Located<?> place = at(lc, "use/" + u.service() + (occurrence > 1 ? "#" + occurrence : ""));
            if (occurrence > 1) {
                problems.add(place.error("consumer " + c.name() + " lists service '" + u.service()
                        + "' twice; put all its operations in one entry"));
                continue;
            }
            if (!services.contains(u.service())) {
                reference(place, "consumer " + c.name() + " uses unknown service '" + u.service() + "'"
                        + suggest(u.service(), services), "service", u.service());
                uses.add(u);
                continue;
            }
            uses.add(new Use(u.service(), operations(c, u, lc)));
        }
        return new Consumer(c.name(), c.kind(), c.service(), c.owner(), c.contact(), c.description(), uses, c.identify());
    }

    /** The operations resolved against the provider's description, each unknown one reported. */
    private List<OperationRef> operations(Consumer c, Use u, Located<Consumer> lc) {
        ApiSpec spec = draft.specs().get(u.service());
        if (spec == null) {
            return u.operations();
        }
        List<OperationRef> out = new ArrayList<>();
        for (OperationRef op : u.operations()) {
            Optional<Operation> found = op.find(spec);
            if (found.isPresent()) {
                out.add(op.resolvedBy(found.get()));
            } else {
                Set<String> known = new TreeSet<>();
                spec.operations().values().forEach(o -> {
                    known.add(o.label());
                    o.operationId().ifPresent(known::add);
                });
                problems.add(at(lc, "use/" + u.service() + "/op/" + op.text())
                        .error("consumer " + c.name() + " uses '" + op.text() + "', which the API description of "
                                + u.service() + " does not have" + suggest(op.text(), known))
                        .at(CatalogProblem.Stage.REFERENCE));
                out.add(op);
            }
        }
        return out;
    }

    /** Warns once per cycle of services that use each other through their consumers. */
    private void cycles(List<Consumer> consumers) {
        Map<String, Set<String>> edges = new HashMap<>();
        for (Consumer c : consumers) {
            c.service().ifPresent(s -> c.uses().forEach(u -> edges.computeIfAbsent(s, k -> new TreeSet<>()).add(u.service())));
        }
        Map<String, Located<Service>> services = new HashMap<>();
        draft.services().forEach(s -> services.putIfAbsent(s.value().name(), s));
        for (List<String> cycle : new CycleFinder(edges).cycles()) {
            Located<Service> first = services.get(cycle.get(0));
            String path = String.join(" → ", cycle) + " → " + cycle.get(0);
            String message = "dependency cycle: " + path + " (each uses the next); a break in one comes back round";
            problems.add((first != null ? first.warning(message) : CatalogProblem.warning("catalog", 0, 0, message))
                    .at(CatalogProblem.Stage.REFERENCE));
        }
    }

    /**
     * A reference to an entry that is not there: reported, unless its absence follows from an
     * earlier problem (the entry was written but rejected, or a file could not be read); then
     * that problem counts it.
     */
    private void reference(Located<?> at, String message, String kind, String name) {
        Optional<CatalogProblem> cause = draft.rejection(kind, name).or(() -> unreadable);
        if (cause.isPresent()) {
            following.merge(cause.get(), 1, Integer::sum);
        } else {
            problems.add(at.error(message).at(CatalogProblem.Stage.REFERENCE));
        }
    }

    /** Where {@code part} of {@code entry} was written, else the entry itself. */
    private Located<?> at(Located<?> entry, String part) {
        return draft.place(entry, part).<Located<?>>map(p -> p).orElse(entry);
    }

    private <T> void unique(List<Located<T>> entries, Function<T, String> name, String what) {
        Map<String, Located<T>> first = new HashMap<>();
        for (Located<T> e : entries) {
            Located<T> before = first.putIfAbsent(name.apply(e.value()), e);
            if (before != null) {
                problems.add(e.error("duplicate " + what + " '" + name.apply(e.value()) + "' (first defined at "
                        + before.where() + ")"));
            }
        }
    }

    private static <T> Set<String> names(List<T> items, Function<T, String> name) {
        Set<String> out = new TreeSet<>();
        items.forEach(i -> out.add(name.apply(i)));
        return out;
    }

    /** "; did you mean 'pkgdb'?" when a known name is a typo away (see {@link Suggestions}). */
    public static String suggest(String wrong, Set<String> known) {
        return Suggestions.didYouMean(wrong, known);
    }
}
