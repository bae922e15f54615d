package org.breakwater.meeting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ties minutes items to plans and services: by reference ({@code BW-12}) first, then by service name
 * (a whole word, any case), then by plan title. An item that fits more than one candidate at the
 * first rule that fits is {@link ItemMatch.Ambiguous}: it waits for a person and is never applied.
 * A classification ("fedocal is not essential") is matched by the service it names. Items that
 * name nothing are left out, except {@code #agreed} lines: a decision that names nothing known is
 * reported as {@link ItemMatch.Unmatched}, so no decision is lost silently.
 */
public final class MinutesMatcher {
    private static final Pattern REFERENCE = Pattern.compile("(?<![\\w-])BW-(\\d{1,18})(?![\\w-])",
            Pattern.CASE_INSENSITIVE);
    private static final int SHORTEST_TITLE = 4;
    /** An address says where, not what: "https://fedoraproject.org/wiki/…" does not name the wiki service. */
    private static final Pattern URL = Pattern.compile("\\b[a-z][a-z0-9+.-]{0,15}://\\S+",
            Pattern.CASE_INSENSITIVE);

    /** One result per item that names something, and one per {@code #agreed} line, in the order they were said. */
    public List<ItemMatch> match(Minutes minutes, MatchCandidates candidates) {
        return minutes.items().stream().map(i -> match(i, candidates)).flatMap(Optional::stream).toList();
    }

    Optional<ItemMatch> match(MinutesItem item, MatchCandidates c) {
        String text = URL.matcher(item.text()).replaceAll(" ");
        boolean agreed = item.kind() == ItemKind.AGREED;
        Optional<DecisionGrammar.Parsed> parsed = agreed ? DecisionGrammar.parse(text) : Optional.empty();
        if (parsed.isPresent() && parsed.get() instanceof DecisionGrammar.Unclear u) {
            return Optional.of(new ItemMatch.Unmatched(item, u.reason()));
        }
        if (parsed.isPresent() && parsed.get() instanceof DecisionGrammar.Classify cl) {
            return Optional.of(classify(item, cl, c));
        }
        Optional<Decision> date = parsed.map(p -> p instanceof DecisionGrammar.Dated d
                ? new Decision.DeploymentDate(d.date()) : new Decision.FreezeBreak());
        Optional<ItemMatch> found = byReference(item, text, c, date).or(() -> byService(item, text, c, date))
                .or(() -> byTitle(item, text, c, date));
        if (found.isPresent() || !agreed) {
            return found;
        }
        return Optional.of(new ItemMatch.Unmatched(item,
                "names no plan (BW-n), service or plan title that Breakwater knows"));
    }

    private static ItemMatch classify(MinutesItem item, DecisionGrammar.Classify cl, MatchCandidates c) {
        Optional<String> service = c.services().stream().filter(s -> s.equalsIgnoreCase(cl.subject())).findFirst();
        if (service.isEmpty()) {
            return new ItemMatch.Unmatched(item, "'" + cl.subject() + "' is not a service in the catalog");
        }
        return new ItemMatch.Matched(item, new Target.ServiceTarget(service.get()), MatchedBy.SERVICE_NAME,
                Optional.of(new Decision.Classification(service.get(), cl.applies())));
    }

    private static Optional<ItemMatch> byReference(MinutesItem item, String text, MatchCandidates c, Optional<Decision> date) {
        List<Long> ids = new ArrayList<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        List<PlanCandidate> plans = c.plans().stream().filter(p -> ids.contains(p.id())).toList();
        if (plans.isEmpty()) {
            return Optional.of(new ItemMatch.Unmatched(item, String.join(", ", ids.stream().map(i -> "BW-" + i).toList())
                    + " names no plan Breakwater knows"));
        }
        return Optional.of(resolve(item, plans, MatchedBy.REFERENCE, date));
    }

    private static Optional<ItemMatch> byService(MinutesItem item, String text, MatchCandidates c, Optional<Decision> date) {
        List<String> named = c.services().stream().filter(s -> named(text, s)).toList();
        if (named.isEmpty()) {
            return Optional.empty();
        }
        if (date.isPresent()) {
            List<PlanCandidate> plans = c.plans().stream()
                    .filter(p -> p.services().stream().anyMatch(s -> named.stream().anyMatch(s::equalsIgnoreCase)))
                    .toList();
            if (plans.isEmpty()) {
                return Optional.of(new ItemMatch.Unmatched(item, "no plan ships " + String.join(" or ", named)));
            }
            return Optional.of(resolve(item, plans, MatchedBy.SERVICE_NAME, date));
        }
        List<Target> targets = named.stream().<Target>map(Target.ServiceTarget::new).toList();
        if (targets.size() == 1) {
            return Optional.of(new ItemMatch.Matched(item, targets.get(0), MatchedBy.SERVICE_NAME, Optional.empty()));
        }
        return Optional.of(new ItemMatch.Ambiguous(item, targets, MatchedBy.SERVICE_NAME, Optional.empty()));
    }

    private static Optional<ItemMatch> byTitle(MinutesItem item, String text, MatchCandidates c, Optional<Decision> date) {
        List<PlanCandidate> plans = c.plans().stream()
                .filter(p -> p.title().length() >= SHORTEST_TITLE && named(text, p.title())).toList();
        return plans.isEmpty() ? Optional.empty() : Optional.of(resolve(item, plans, MatchedBy.PLAN_TITLE, date));
    }

    private static ItemMatch resolve(MinutesItem item, List<PlanCandidate> plans, MatchedBy by, Optional<Decision> date) {
        Optional<Decision> decision = date;
        List<Target> targets = plans.stream().distinct().<Target>map(Target.PlanTarget::new).toList();
        if (targets.size() == 1) {
            return new ItemMatch.Matched(item, targets.get(0), by, decision);
        }
        return new ItemMatch.Ambiguous(item, targets, by, decision);
    }

    /** {@code name} as a whole word of {@code text}, any case: "fedocal" is not in "fedocal2" nor "my-fedocal". */
    static boolean named(String text, String name) {
        String words = name.strip().replaceAll("\\s+", " ");
        Pattern p = Pattern.compile("(?<![\\w-])" + Pattern.quote(words).replace(" ", "\\E\\s+\\Q") + "(?![\\w-])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return p.matcher(text).find();
    }
}
