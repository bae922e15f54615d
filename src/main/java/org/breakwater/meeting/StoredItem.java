package org.breakwater.meeting;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * One minutes item as stored, with the line it came from and what became of it.
 *
 * @param target     what it was applied to ({@code plan:12}, {@code service:fedocal}), when it was
 * @param candidates for an ambiguous item, what it may mean, in the same form
 * @param decision   the decision an {@code #agreed} line carries, in {@link DecisionCodes}' form
 * @param outcome    one line saying what was recorded, or why nothing was
 */
public record StoredItem(long id, long meetingId, int line, ItemKind kind, String nick, LocalTime time, String text,
                         ItemState state, Optional<String> target, List<String> candidates, Optional<String> decision,
                         String outcome, Optional<String> decidedBy, Optional<Instant> decidedAt) {
    public StoredItem {
        candidates = List.copyOf(candidates);
    }

    StoredItem with(ItemState newState, Optional<String> newTarget, String newOutcome) {
        return new StoredItem(id, meetingId, line, kind, nick, time, text, newState, newTarget, candidates, decision,
                newOutcome, decidedBy, decidedAt);
    }

    /** "line 26: AGREED <nirik> BW-12 pkgdb2 deployment on 2014-06-09". */
    public String source() {
        return "line " + line + ": " + kind + " <" + nick + "> " + text;
    }
}
