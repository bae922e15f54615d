package org.breakwater.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.breakwater.text.Suggestions;

/**
 * Refuses evidence its gate cannot use (docs/plans.md, "Evidence each gate reads"): the consumer
 * gates count evidence per affected consumer, so it must name one of the plan's affected consumers;
 * the roster counts notes "firefighter" and "contact:TEAM" for an outside team the plan affects.
 * Other gates count any evidence, and a note on them is a remark.
 */
final class EvidenceCheck {
    /** The gates that count evidence per consumer, named in the evidence's note. */
    static final Set<String> PER_CONSUMER = Set.of("consumers-acknowledged", "consumers-migrated");
    /** How many names a refusal lists before "and N more". */
    private static final int LISTED = 10;

    private EvidenceCheck() {
    }

    static Optional<EvidenceProblem> problem(PlanReport report, String gate, Optional<String> note) {
        if (PER_CONSUMER.contains(gate)) {
            return consumer(report, gate, note);
        }
        if (gate.equals("roster")) {
            return roster(report, note);
        }
        return Optional.empty();
    }

    private static Optional<EvidenceProblem> consumer(PlanReport report, String gate, Optional<String> note) {
        List<String> affected = report.migrations().stream().filter(Migration::known).map(Migration::consumer)
                .distinct().sorted().toList();
        long plan = report.plan().id();
        if (affected.isEmpty()) {
            return Optional.of(new EvidenceProblem("consumer", "plan " + plan + " affects no known consumer, so "
                    + gate + " has nothing to count"));
        }
        if (note.isEmpty() || note.get().isBlank()) {
            return Optional.of(new EvidenceProblem("consumer", gate + " counts evidence per consumer: name the consumer"
                    + " it is for, one of the " + affected.size() + " plan " + plan + " affects: "
                    + listed(affected)));
        }
        if (affected.contains(note.get())) {
            return Optional.empty();
        }
        return Optional.of(new EvidenceProblem("consumer", "'" + note.get() + "' is not among the " + affected.size()
                + " consumers plan " + plan + " affects" + Suggestions.closest(note.get(), affected)
                .map(s -> "; did you mean '" + s + "'?").orElse(" (" + listed(affected) + ")")));
    }

    private static Optional<EvidenceProblem> roster(PlanReport report, Optional<String> note) {
        List<String> teams = report.assessment().outsideTeams();
        List<String> usable = new ArrayList<>(List.of("firefighter"));
        teams.forEach(t -> usable.add("contact:" + t));
        String wanted = "the roster counts the note firefighter (someone from infrastructure)" + (teams.isEmpty()
                ? "; plan " + report.plan().id() + " affects no outside team, so it needs no contact:TEAM"
                : " and contact:TEAM for a contact from each outside team (" + String.join(", ", teams) + ")");
        if (note.isEmpty() || note.get().isBlank()) {
            return Optional.of(new EvidenceProblem("note", "say what the person does on the day: " + wanted));
        }
        if (usable.contains(note.get())) {
            return Optional.empty();
        }
        return Optional.of(new EvidenceProblem("note", "'" + note.get() + "' counts for nothing on the roster"
                + Suggestions.didYouMean(note.get(), usable) + " (" + wanted + ")"));
    }

    private static String listed(List<String> names) {
        return String.join(", ", names.subList(0, Math.min(LISTED, names.size())))
                + (names.size() > LISTED ? " … and " + (names.size() - LISTED) + " more (plan assess lists them)" : "");
    }
}
