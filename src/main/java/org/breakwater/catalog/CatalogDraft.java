package org.breakwater.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The catalog as read from files, before it is checked: every entry with its place, the API
 * description each service declares, and the problems met while reading. The readers (our
 * YAML format, Backstage entities) add to it; {@link CatalogValidator} checks it.
 */
public final class CatalogDraft {
    private final List<Located<Environment>> environments = new ArrayList<>();
    private final List<Located<Team>> teams = new ArrayList<>();
    private final List<Located<Person>> people = new ArrayList<>();
    private final List<Located<Service>> services = new ArrayList<>();
    private final List<Located<Consumer>> consumers = new ArrayList<>();
    private final Map<String, Located<Path>> apis = new LinkedHashMap<>();
    private final List<CatalogProblem> problems = new ArrayList<>();
    private final Map<String, CatalogProblem> rejected = new java.util.HashMap<>();
    private final Map<String, Located<String>> places = new java.util.HashMap<>();
    private final Map<String, org.breakwater.apidiff.spec.ApiSpec> specs = new LinkedHashMap<>();
    private final Map<String, ApiDescription> descriptions = new LinkedHashMap<>();

    public void environment(Located<Environment> e) {
        environments.add(e);
    }

    public void team(Located<Team> t) {
        teams.add(t);
    }

    public void person(Located<Person> p) {
        people.add(p);
    }

    public void service(Located<Service> s) {
        services.add(s);
    }

    /** The API description file {@code service}'s entry names, already checked to be inside the catalog. */
    public void api(String service, Located<Path> file) {
        apis.put(service, file);
    }

    /** The description read from the file {@link #apis()} names for {@code service}. */
    public void loadedApi(String service, org.breakwater.apidiff.spec.ApiSpec spec, ApiDescription description) {
        specs.put(service, spec);
        descriptions.put(service, description);
    }

    public Map<String, org.breakwater.apidiff.spec.ApiSpec> specs() {
        return Map.copyOf(specs);
    }

    public Map<String, ApiDescription> descriptions() {
        return Map.copyOf(descriptions);
    }

    /**
     * Remembers where a part of an entry was written, so that a problem with it points there
     * rather than at the entry. The entry is known by its own place (duplicates of a name each
     * keep theirs); {@code part} is {@code owner}, {@code service}, {@code member/USER},
     * {@code use/PROVIDER} ({@code use/PROVIDER#2} for a second entry of the same provider) or
     * {@code use/PROVIDER/op/OPERATION}.
     */
    public void place(String file, int entryLine, int entryColumn, String part, int line, int column) {
        places.putIfAbsent(key(file, entryLine, entryColumn, part), new Located<>(part, file, line, column));
    }

    /** Where {@code part} of {@code entry} was written, if the reader said. */
    public Optional<Located<String>> place(Located<?> entry, String part) {
        return Optional.ofNullable(places.get(key(entry.file(), entry.line(), entry.column(), part)));
    }

    private static String key(String file, int line, int column, String part) {
        return file + ":" + line + ":" + column + "|" + part;
    }

    public void consumer(Located<Consumer> c) {
        consumers.add(c);
    }

    public void problem(CatalogProblem p) {
        problems.add(p);
    }

    /** How many problems were reported so far: a mark for {@link #rejected}. */
    public int problemCount() {
        return problems.size();
    }

    /**
     * Notes that the entry {@code name} of {@code kind} (service, team, person, consumer,
     * environment) was written but not taken, because of the first problem reported since
     * {@code mark}: references to it are then not reported as unknown, they follow from that.
     */
    public void rejected(String kind, String name, int mark) {
        if (mark < problems.size()) {
            rejected.putIfAbsent(kind + "|" + name, problems.get(mark));
        }
    }

    /** The problem that kept entry {@code name} of {@code kind} out, if it was written and rejected. */
    public Optional<CatalogProblem> rejection(String kind, String name) {
        return Optional.ofNullable(rejected.get(kind + "|" + name));
    }

    public List<Located<Environment>> environments() {
        return List.copyOf(environments);
    }

    public List<Located<Team>> teams() {
        return List.copyOf(teams);
    }

    public List<Located<Person>> people() {
        return List.copyOf(people);
    }

    public List<Located<Service>> services() {
        return List.copyOf(services);
    }

    public List<Located<Consumer>> consumers() {
        return List.copyOf(consumers);
    }

    public Map<String, Located<Path>> apis() {
        return Map.copyOf(apis);
    }

    public List<CatalogProblem> problems() {
        return List.copyOf(problems);
    }

    /**
     * The catalog these entries make (the first of duplicate names wins; the validator has
     * reported the rest). A person's teams are those whose member lists name them, and those
     * the person's own entry names; a team's members likewise.
     */
    public Catalog build() {
        Map<String, Team> teamsByName = new LinkedHashMap<>();
        teams.forEach(t -> teamsByName.putIfAbsent(t.value().name(), t.value()));
        Map<String, Person> peopleByName = new LinkedHashMap<>();
        people.forEach(p -> peopleByName.putIfAbsent(p.value().username(), p.value()));
        Map<String, Set<String>> membersOf = new LinkedHashMap<>();
        Map<String, Set<String>> teamsOf = new LinkedHashMap<>();
        teamsByName.values().forEach(t -> t.members().forEach(m -> {
            membersOf.computeIfAbsent(t.name(), k -> new TreeSet<>()).add(m);
            teamsOf.computeIfAbsent(m, k -> new TreeSet<>()).add(t.name());
        }));
        peopleByName.values().forEach(p -> p.teams().forEach(t -> {
            membersOf.computeIfAbsent(t, k -> new TreeSet<>()).add(p.username());
            teamsOf.computeIfAbsent(p.username(), k -> new TreeSet<>()).add(t);
        }));
        List<Team> finalTeams = new ArrayList<>();
        teamsByName.values().forEach(t -> {
            List<String> members = new ArrayList<>(t.members());
            membersOf.getOrDefault(t.name(), Set.of()).stream().filter(m -> !members.contains(m)).forEach(members::add);
            finalTeams.add(new Team(t.name(), t.title(), t.infrastructure(), t.mailingList(), t.chat(), members));
        });
        List<Person> finalPeople = new ArrayList<>();
        peopleByName.values().forEach(p -> finalPeople.add(p.withTeams(
                List.copyOf(teamsOf.getOrDefault(p.username(), Set.of())))));
        Map<String, Service> servicesByName = new LinkedHashMap<>();
        services.forEach(s -> servicesByName.putIfAbsent(s.value().name(), s.value()));
        Map<String, Consumer> consumersByName = new LinkedHashMap<>();
        consumers.forEach(c -> consumersByName.putIfAbsent(c.value().name(), c.value()));
        Map<String, Environment> envs = new LinkedHashMap<>();
        environments.forEach(e -> envs.putIfAbsent(e.value().name(), e.value()));
        List<Environment> finalEnvs = envs.isEmpty() ? Environment.defaults() : List.copyOf(envs.values());
        return new Catalog(finalEnvs, finalTeams, finalPeople, List.copyOf(servicesByName.values()),
                List.copyOf(consumersByName.values()));
    }

    /** Replaces a consumer's entry (after its operations were resolved against the provider's API). */
    public void replaceConsumer(int index, Located<Consumer> c) {
        consumers.set(index, c);
    }
}
