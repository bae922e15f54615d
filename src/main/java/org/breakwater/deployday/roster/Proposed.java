package org.breakwater.deployday.roster;

import java.util.List;
import java.util.Optional;

/** A roster proposal: the people to invite, and what the catalog could not fill. */
public record Proposed(List<Person> people, List<String> gaps) {
    public Proposed {
        people = List.copyOf(people);
        gaps = List.copyOf(gaps);
    }

    /** One person to invite, in one role. */
    public record Person(String username, RosterRole role, Optional<String> team, String reason) {
    }
}
