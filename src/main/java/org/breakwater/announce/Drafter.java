package org.breakwater.announce;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.breakwater.apidiff.report.Finding;
import org.breakwater.catalog.AffectedConsumer;
import org.breakwater.catalog.Catalog;
import org.breakwater.catalog.Consumer;
import org.breakwater.catalog.Person;
import org.breakwater.catalog.Placement;
import org.breakwater.catalog.Service;
import org.breakwater.catalog.Team;
import org.breakwater.catalog.Tier;
import org.breakwater.plan.BreakImpact;
import org.breakwater.plan.Migration;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanReport;
import org.breakwater.plan.ReleaseAssessment;
import org.breakwater.policy.Policy;

/**
 * Writes a plan's announcements: builds the values a template may use from the plan's
 * assessment, the catalog and the policy (docs/announcements.md lists them), picks the
 * recipients, and renders the kind's template. Nothing here sends anything.
 *
 * <p>Recipients: notices go to the policy's lists for the plan's highest tier and each
 * service's own lists; the API-break notice and the call for testing also go to the lists of
 * the teams whose consumers are hit. A consumer notice goes to the consumer's contact (an
 * address, or a person of the catalog), else its team's list, else the team's members.
 */
public final class Drafter {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final Catalog catalog;
    private final Policy policy;
    private final Templates templates;

    public Drafter(Catalog catalog, Policy policy, Templates templates) {
        this.catalog = catalog;
        this.policy = policy;
        this.templates = templates;
    }

    /**
     * The drafts of {@code kind} for the plan: one, or one per affected consumer for consumer
     * notices. {@code migrationNotes} go into the API-break notice; {@code lead} names a
     * reminder's lead time ("3 days").
     */
    public List<Draft> drafts(PlanReport report, Kind kind, Optional<String> migrationNotes, Optional<Duration> lead) {
        Map<String, Object> model = model(report, migrationNotes, lead);
        if (kind != Kind.CONSUMER_NOTICE) {
            return List.of(render(kind, Optional.empty(), lists(report, kind), model));
        }
        List<Draft> drafts = new ArrayList<>();
        Set<String> declared = new java.util.HashSet<>();
        for (Map.Entry<String, List<AffectedConsumer>> team : report.assessment().consumersByTeam().entrySet()) {
            for (AffectedConsumer a : team.getValue()) {
                declared.add(a.consumer().name());
                Map<String, Object> m = new LinkedHashMap<>(model);
                m.putAll(consumerModel(report, a.consumer(), a.via(),
                        i -> i.consumers().stream().anyMatch(x -> x.consumer().name().equals(a.consumer().name()))));
                drafts.add(render(kind, Optional.of(a.consumer().name()), consumerRecipients(a.consumer()), m));
            }
        }
        // consumers the catalog does not link to the release, but its access logs show calling what breaks
        for (Migration seen : report.migrations()) {
            Optional<Consumer> c = seen.known() && !seen.declared() && !declared.contains(seen.consumer())
                    ? catalog.consumers().stream().filter(x -> x.name().equals(seen.consumer())).findFirst()
                    : Optional.empty();
            if (c.isEmpty()) {
                continue;
            }
            Set<String> called = new java.util.HashSet<>();
            seen.stillCalls().forEach(x -> called.add(x.operation()));
            Map<String, Object> m = new LinkedHashMap<>(model);
            m.putAll(consumerModel(report, c.get(), List.of(), i -> i.finding().operation().isEmpty()
                    || called.contains(org.breakwater.apidiff.spec.Operation.keyOf(i.finding().operation()))));
            m.put("seen", String.join("; ", seen.stillCalls().stream().map(x -> x.operation() + " (" + calls(x.calls())
                    + ", last " + x.lastSeen().toString().substring(0, 16).replace('T', ' ') + " UTC)").toList()));
            drafts.add(render(kind, Optional.of(c.get().name()), consumerRecipients(c.get()), m));
        }
        return drafts;
    }

    private Draft render(Kind kind, Optional<String> consumer, List<String> to, Map<String, Object> model) {
        Templates.Pair t = templates.of(kind);
        String subject = t.subject().render(model).replaceAll("[\\r\\n]+", " ").strip();
        return new Draft(kind, consumer, to, subject, t.body().render(model));
    }

    static String calls(long n) {
        return n + (n == 1 ? " call" : " calls");
    }

    static String span(Duration d) {
        long minutes = d.toMinutes();
        if (minutes % (24 * 60) == 0) {
            long days = minutes / (24 * 60);
            return days + (days == 1 ? " day" : " days");
        }
        if (minutes % 60 == 0) {
            long hours = minutes / 60;
            return hours + (hours == 1 ? " hour" : " hours");
        }
        return minutes + " minutes";
    }

    /** The values every template of the plan may use. */
    Map<String, Object> model(PlanReport report, Optional<String> migrationNotes, Optional<Duration> lead) {
        Plan plan = report.plan();
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", plan.id());
        p.put("title", plan.title());
        p.put("environment", plan.environment());
        p.put("owner", plan.owner());
        plan.ticket().ifPresent(t -> p.put("ticket", t));
        m.put("plan", p);
        m.put("start", org.breakwater.text.Moments.show(plan.start()));
        m.put("startDate", DAY.format(plan.start()));
        m.put("startForDate", org.breakwater.text.Moments.show(plan.start()));
        m.put("end", org.breakwater.text.Moments.show(plan.end()));
        m.put("duration", span(plan.duration()));
        lead.ifPresent(l -> m.put("lead", span(l)));

        List<Map<String, Object>> services = new ArrayList<>();
        List<Map<String, Object>> breaking = new ArrayList<>();
        List<String> breakingNames = new ArrayList<>();
        Set<String> shipped = new LinkedHashSet<>();
        int breakCount = 0;
        for (ReleaseAssessment ra : report.assessment().releases()) {
            Service s = ra.service();
            shipped.add(s.name());
            String from = ra.current().map(Placement::version).orElse("nothing (a first deployment)");
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("name", s.name());
            sm.put("title", s.title());
            sm.put("tier", s.tier().id());
            sm.put("version", ra.release().version());
            sm.put("from", from);
            sm.put("breaks", ra.breaks());
            sm.put("unknown", ra.breaksUnknown());
            services.add(sm);
            if (ra.breaks()) {
                breakingNames.add(s.name());
                breakCount += ra.breaking().size();
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("service", s.name());
                b.put("version", ra.release().version());
                b.put("from", from);
                b.put("operations", operations(ra.breaking()));
                breaking.add(b);
            }
        }
        m.put("services", services);
        m.put("serviceNames", String.join(", ", shipped));
        m.put("breaks", breakCount > 0);
        m.put("breakCount", breakCount);
        m.put("breaking", breaking);
        m.put("breakingServiceNames", String.join(", ", breakingNames));
        unchecked(m, report);

        List<Map<String, Object>> teams = new ArrayList<>();
        Set<String> dependents = new LinkedHashSet<>();
        for (Map.Entry<String, List<AffectedConsumer>> e : report.assessment().consumersByTeam().entrySet()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("team", e.getKey());
            tm.put("outside", report.assessment().outsideTeams().contains(e.getKey()));
            tm.put("consumers", String.join(", ", e.getValue().stream().map(a -> a.consumer().name()).toList()));
            teams.add(tm);
            e.getValue().stream().map(a -> a.consumer().service()).flatMap(Optional::stream)
                    .filter(x -> !shipped.contains(x)).forEach(dependents::add);
        }
        m.put("teams", teams);
        List<String> seen = new ArrayList<>();
        for (Migration x : report.migrations()) {
            if (!x.declared() && !x.stillCalls().isEmpty()) {
                long calls = x.stillCalls().stream().mapToLong(Migration.Call::calls).sum();
                seen.add(x.consumer() + (x.known() ? "" : " - not in our catalog") + ": " + calls(calls) + " to "
                        + String.join(", ", x.stillCalls().stream().map(Migration.Call::operation).distinct().toList()));
            }
        }
        m.put("seenAny", !seen.isEmpty());
        m.put("seen", seen);
        m.put("outsideTeams", report.assessment().outsideTeams().isEmpty() ? "none"
                : String.join(", ", report.assessment().outsideTeams()));
        m.put("dependents", List.copyOf(dependents));
        m.put("unaffected", catalog.services().stream()
                .filter(s -> s.tier() == Tier.ESSENTIAL && !shipped.contains(s.name()) && !dependents.contains(s.name()))
                .map(Service::name).sorted().toList());

        Optional<Person> owner = person(plan.owner());
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("username", plan.owner());
        o.put("name", owner.map(Person::name).orElse(plan.owner()));
        o.put("email", owner.map(Person::email).filter(x -> !x.isBlank()).orElse(plan.owner()));
        m.put("owner", o);
        m.put("chat", ownerTeam(report).flatMap(Team::chat).orElse("the infrastructure team's chat channel"));
        boolean staged = report.gates().stream().anyMatch(g -> g.id().equals("staging-candidate") && g.state().passes());
        m.put("stagingNote", staged ? "staging runs " + String.join(", ", report.plan().releases().stream()
                .map(r -> r.service() + " " + r.version()).toList()) + " now; test your code against it."
                : "the candidate will be deployed to staging first; you will be told when to test.");
        m.put("migrationNotes", migrationNotes.filter(x -> !x.isBlank())
                .orElse("(none written yet: see the ticket, or ask)"));
        return m;
    }

    /**
     * The releases whose API was not compared, so whether they break is unknown: {@code unknown},
     * {@code uncheckedServiceNames} and {@code unchecked} (each with {@code service}, {@code version}, {@code why}).
     */
    private static void unchecked(Map<String, Object> m, PlanReport report) {
        List<Map<String, Object>> unchecked = new ArrayList<>();
        for (ReleaseAssessment ra : report.assessment().unchecked()) {
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("service", ra.service().name());
            u.put("version", ra.release().version());
            u.put("why", ((org.breakwater.plan.DiffOutcome.NoDescription) ra.diff()).why());
            unchecked.add(u);
        }
        m.put("unknown", !unchecked.isEmpty());
        m.put("unchecked", unchecked);
        m.put("uncheckedServiceNames", String.join(", ", unchecked.stream().map(u -> (String) u.get("service")).toList()));
    }

    /** Findings by operation: the operation, then each change to it in words. */
    private static List<Map<String, Object>> operations(List<Finding> findings) {
        Map<String, List<String>> byOperation = new LinkedHashMap<>();
        for (Finding f : findings) {
            byOperation.computeIfAbsent(f.operation().isEmpty() ? "(the whole API)" : f.operation(),
                    k -> new ArrayList<>()).add(f.message());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        byOperation.forEach((op, changes) -> {
            Map<String, Object> om = new LinkedHashMap<>();
            om.put("operation", op);
            om.put("changes", List.copyOf(changes));
            out.add(om);
        });
        return out;
    }

    /** What only this consumer needs: the breaking changes to the operations it uses. */
    private Map<String, Object> consumerModel(PlanReport report, Consumer c, List<String> via,
                                              java.util.function.Predicate<BreakImpact> hit) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("name", c.name());
        cm.put("kind", c.kind().id());
        cm.put("owner", c.owner());
        c.contact().ifPresent(x -> cm.put("contact", x));
        m.put("consumer", cm);
        List<Map<String, Object>> uses = new ArrayList<>();
        for (ReleaseAssessment ra : report.assessment().releases()) {
            List<Finding> hits = new ArrayList<>();
            for (BreakImpact i : ra.impacts()) {
                if (hit.test(i)) {
                    hits.add(i.finding());
                }
            }
            for (Map<String, Object> op : operations(hits)) {
                Map<String, Object> u = new LinkedHashMap<>(op);
                u.put("service", ra.service().name());
                uses.add(u);
            }
        }
        m.put("uses", uses);
        // this consumer hears only of the services whose breaks reach it
        m.put("breakingServiceNames", String.join(", ", uses.stream().map(u -> (String) u.get("service")).distinct()
                .toList()));
        if (via.size() > 1) {
            m.put("via", String.join(" -> ", via));
        }
        return m;
    }

    private Optional<Person> person(String username) {
        return catalog.people().stream().filter(x -> x.username().equals(username)).findFirst();
    }

    private Optional<Team> ownerTeam(PlanReport report) {
        return report.assessment().releases().stream().map(ra -> ra.service().owner()).findFirst().flatMap(catalog::team);
    }

    /** The lists a notice of {@code kind} about this plan goes to. */
    List<String> lists(PlanReport report, Kind kind) {
        Set<String> to = new LinkedHashSet<>();
        Tier highest = report.assessment().releases().stream().map(ra -> ra.service().tier())
                .min(Enum::compareTo).orElse(Tier.LEAF);
        to.addAll(policy.announcements().listsFor(highest));
        report.assessment().releases().forEach(ra -> to.addAll(ra.service().announce()));
        if (kind == Kind.API_BREAK_NOTICE || kind == Kind.CALL_FOR_TESTING) {
            for (String team : report.assessment().consumersByTeam().keySet()) {
                catalog.team(team).flatMap(Team::mailingList).ifPresent(to::add);
            }
        }
        return List.copyOf(to);
    }

    /** Who owns a consumer, as addresses. */
    List<String> consumerRecipients(Consumer c) {
        if (c.contact().isPresent()) {
            String contact = c.contact().get();
            if (contact.contains("@")) {
                return List.of(contact);
            }
            Optional<String> mail = person(contact).map(Person::email).filter(x -> !x.isBlank());
            if (mail.isPresent()) {
                return List.of(mail.get());
            }
        }
        Optional<Team> team = catalog.team(c.owner());
        if (team.flatMap(Team::mailingList).isPresent()) {
            return List.of(team.get().mailingList().get());
        }
        return team.map(t -> t.members().stream().map(this::person).flatMap(Optional::stream).map(Person::email)
                .filter(x -> !x.isBlank()).toList()).orElse(List.of());
    }
}
