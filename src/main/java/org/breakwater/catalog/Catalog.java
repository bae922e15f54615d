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
        return find(services, Service::name, name);
    }

    public Optional<Team> team(String name) {
        return find(teams, Team::name, name);
    }

    /** Binary search in a list sorted by name (as the constructor sorts them). */
    private static <T> Optional<T> find(List<T> sorted, java.util.function.Function<T, String> name, String wanted) {
        int lo = 0;
        int hi = sorted.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = name.apply(sorted.get(mid)).compareTo(wanted);
            if (c == 0) {
                return Optional.of(sorted.get(mid));
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return Optional.empty();
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
