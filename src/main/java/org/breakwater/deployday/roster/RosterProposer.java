package org.breakwater.deployday.roster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.breakwater.catalog.Catalog;
import org.breakwater.catalog.Consumer;
import org.breakwater.catalog.Person;
import org.breakwater.catalog.Team;
import org.breakwater.plan.Migration;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanReport;
import org.breakwater.plan.PlannedRelease;
import org.breakwater.policy.Policy;

/**
 * Proposes a plan's roster from the record (docs/deployment-day.md): the policy's number of
 * firefighters from the infrastructure teams (those whose day holds the window first), the owner of
 * every service the plan ships, and one contact per outside team with an affected consumer, declared
 * in the catalog or seen calling a broken operation in the logs. Pure: no store, no clock.
 */
public final class RosterProposer {
    private final Catalog catalog;
    private final Policy.RosterRule rule;

    public RosterProposer(Catalog catalog, Policy.RosterRule rule) {
        this.catalog = catalog;
        this.rule = rule;
    }

    public Proposed propose(PlanReport report) {
        List<Proposed.Person> people = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        Plan plan = report.plan();
        owners(plan, people, gaps);
        firefighters(plan, people, gaps);
        contacts(report.migrations(), people, gaps);
        return new Proposed(people, gaps);
    }

    /** The plan's owner for each service their team owns; another team's service gets that team's first member. */
    private void owners(Plan plan, List<Proposed.Person> people, List<String> gaps) {
        Map<String, List<String>> byOwner = new LinkedHashMap<>();
        for (PlannedRelease r : plan.releases()) {
            Optional<Team> team = catalog.service(r.service()).flatMap(s -> catalog.team(s.owner()));
            Optional<String> who = team.filter(t -> t.members().contains(plan.owner())).map(t -> plan.owner())
                    .or(() -> team.flatMap(t -> t.members().stream().findFirst()));
            if (who.isEmpty()) {
                gaps.add("nobody to answer for " + r.service() + ": its owning team has no members in the catalog");
            } else {
                byOwner.computeIfAbsent(who.get(), k -> new ArrayList<>()).add(r.service());
            }
        }
        byOwner.forEach((who, services) -> people.add(new Proposed.Person(who, RosterRole.OWNER, Optional.empty(),
                "owns " + String.join(", ", services))));
    }

    private void firefighters(Plan plan, List<Proposed.Person> people, List<String> gaps) {
        int needed = rule.firefighters();
        if (needed <= 0) {
            return;
        }
        Set<String> infra = new LinkedHashSet<>();
        catalog.teams().stream().filter(Team::infrastructure).forEach(t -> infra.addAll(t.members()));
        List<Person> candidates = catalog.people().stream().filter(p -> infra.contains(p.username()))
                .sorted(Comparator.comparing((Person p) -> DayHours.outside(plan.start(), plan.end(), p.timezone())
                        .isPresent()).thenComparing(p -> !p.username().equals(plan.owner())).thenComparing(Person::username))
                .limit(needed).toList();
        for (Person p : candidates) {
            people.add(new Proposed.Person(p.username(), RosterRole.FIREFIGHTER, Optional.empty(),
                    "firefighter from infrastructure (roster.firefighters: " + needed + ")"));
        }
        if (candidates.size() < needed) {
            gaps.add((needed - candidates.size()) + " firefighter(s) short: the infrastructure teams have only "
                    + candidates.size() + " people in the catalog");
        }
    }

    private void contacts(List<Migration> migrations, List<Proposed.Person> people, List<String> gaps) {
        if (!rule.outsideTeamContacts()) {
            return;
        }
        Map<String, List<String>> byTeam = new LinkedHashMap<>();
        for (Migration m : migrations) {
            if (!m.known()) {
                gaps.add("unknown caller " + m.consumer() + " calls what the plan breaks: name it in the catalog"
                        + " (an identify rule) to know whose it is");
                continue;
            }
            Optional<Consumer> c = catalog.consumers().stream().filter(x -> x.name().equals(m.consumer())).findFirst();
            Optional<Team> team = c.flatMap(x -> catalog.team(x.owner()));
            if (team.isPresent() && !team.get().infrastructure()) {
                byTeam.computeIfAbsent(team.get().name(), k -> new ArrayList<>()).add(m.consumer());
            }
        }
        byTeam.forEach((team, consumers) -> contact(team, consumers, people, gaps));
    }

    /** The team member named as the contact of one of its consumers, else its first member with a mail address. */
    private void contact(String teamName, List<String> consumers, List<Proposed.Person> people, List<String> gaps) {
        Team team = catalog.team(teamName).orElseThrow();
        Set<String> contactMails = new LinkedHashSet<>();
        consumers.forEach(n -> catalog.consumers().stream().filter(c -> c.name().equals(n)).findFirst()
                .flatMap(Consumer::contact).ifPresent(contactMails::add));
        List<Person> members = catalog.people().stream().filter(p -> team.members().contains(p.username())
                && !p.email().isBlank()).toList();
        Optional<Person> who = members.stream().filter(p -> contactMails.contains(p.email())).findFirst()
                .or(() -> members.stream().findFirst());
        if (who.isEmpty()) {
            gaps.add("nobody to invite from " + teamName + " (affected: " + String.join(", ", consumers)
                    + "): the team has no member with a mail address in the catalog");
            return;
        }
        people.add(new Proposed.Person(who.get().username(), RosterRole.CONTACT, Optional.of(teamName),
                "contact of " + teamName + " for " + String.join(", ", consumers)));
    }
}
