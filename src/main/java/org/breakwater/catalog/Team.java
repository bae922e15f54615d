package org.breakwater.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A team: the infrastructure team itself, or an outside team (release engineering, QA, docs,
 * cvsadmins…) whose tools consume infrastructure services.
 *
 * @param infrastructure true for a part of the infrastructure team, false for an outside team
 * @param members        usernames
 */
public record Team(String name, String title, boolean infrastructure, Optional<String> mailingList,
                   Optional<String> chat, List<String> members) {
    public Team {
        Names.require(name, "team name");
        title = title == null || title.isBlank() ? name : title;
        members = List.copyOf(members);
    }
}
