package org.breakwater.catalog.files;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.breakwater.apidiff.spec.ScalarNode;
import org.breakwater.catalog.Person;
import org.breakwater.catalog.Team;

/** Backstage Groups and Users as Breakwater teams and people; see {@link BackstageReader}. */
final class BackstagePeople {
    static final String CHAT = "breakwater.org/chat";
    static final String INFRASTRUCTURE = "breakwater.org/infrastructure";
    static final String TIMEZONE = "breakwater.org/timezone";

    private BackstagePeople() {
    }

    /** A Group: a team, part of the infrastructure team unless annotated otherwise. */
    static void team(BackstageEntity e) {
        String title = e.profile("displayName")
                .or(() -> e.text(e.metadata(), "title", "metadata.title").filter(t -> !t.isBlank()))
                .orElse(e.name());
        Optional<String> mailingList = e.profile("email");
        Optional<String> chat = e.annotation(CHAT).map(ScalarNode::text).filter(t -> !t.isBlank());
        boolean infrastructure = e.flagAnnotation(INFRASTRUCTURE, true);
        List<String> members = EntityRefs.names(EntityRefs.list(e, e.spec(), "members", "spec.members", "user"));
        e.draft().team(e.located(new Team(e.name(), title, infrastructure, mailingList, chat, members)));
    }

    /** A User: a person, in the teams its memberOf names. */
    static void person(BackstageEntity e) {
        String name = e.profile("displayName").orElse(e.name());
        String email = e.profile("email").orElse("");
        ZoneId timezone = ZoneId.of("UTC");
        Optional<ScalarNode> zone = e.annotation(TIMEZONE);
        if (zone.isPresent()) {
            try {
                timezone = ZoneId.of(zone.get().text().strip());
            } catch (DateTimeException ex) {
                e.error(zone.get(), "annotation " + TIMEZONE + ": '" + zone.get().text()
                        + "' is not a time zone (an IANA id such as Europe/Prague); UTC assumed");
            }
        }
        List<String> teams = EntityRefs.names(EntityRefs.list(e, e.spec(), "memberOf", "spec.memberOf", "group"));
        e.draft().person(e.located(new Person(e.name(), name, email, timezone, teams)));
    }
}
