package org.breakwater.catalog;

import java.time.ZoneId;
import java.util.List;

/** Someone who owns, announces, fights fires or answers for a consumer. */
public record Person(String username, String name, String email, ZoneId timezone, List<String> teams) {
    public Person {
        Names.require(username, "username");
        name = name == null || name.isBlank() ? username : name;
        email = email == null ? "" : email;
        timezone = timezone == null ? ZoneId.of("UTC") : timezone;
        teams = List.copyOf(teams);
    }

    public Person withTeams(List<String> newTeams) {
        return new Person(username, name, email, timezone, newTeams);
    }
}
