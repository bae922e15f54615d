package org.breakwater.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The whole catalog: what the YAML files say, and what the store holds after an import.
 * Entries are kept sorted by name, so two catalogs with the same content are equal.
 */
public record Catalog(List<Environment> environments, List<Team> teams, List<Person> people,
                      List<Service> services, List<Consumer> consumers) {
    public Catalog {
        environments = List.copyOf(environments);
        teams = sorted(teams, Team::name);
        people = sorted(people, Person::username);
        services = sorted(services, Service::name);
        consumers = sorted(consumers, Consumer::name);
    }

    public static Catalog empty() {
        return new Catalog(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static <T> List<T> sorted(List<T> items, Function<T, String> name) {
        List<T> copy = new ArrayList<>(items);
        copy.sort(Comparator.comparing(name));
        return List.copyOf(copy);
    }

    public Optional<Service> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<Team> team(String name) {
        return teams.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Optional<Environment> environment(String name) {
        return environments.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    public Map<String, Team> teamsByName() {
        Map<String, Team> map = new LinkedHashMap<>();
        teams.forEach(t -> map.put(t.name(), t));
        return map;
    }

    /** How many entries of each kind, for messages. */
    public String counts() {
        return String.format("%d environments, %d teams, %d people, %d services, %d consumers",
                environments.size(), teams.size(), people.size(), services.size(), consumers.size());
    }
}
