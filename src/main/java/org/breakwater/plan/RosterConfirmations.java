package org.breakwater.plan;

import java.util.List;

/**
 * Where the {@code roster} gate hears of confirmations besides the evidence recorded by hand: the
 * deployment day's roster (org.breakwater.deployday.roster) gives one per confirmed firefighter or
 * outside-team contact, with the note {@link GateEvaluator} counts ("firefighter", "contact:TEAM").
 */
public interface RosterConfirmations {
    List<Evidence> confirmations(long planId);

    /** Only what was recorded by hand. */
    RosterConfirmations NONE = planId -> List.of();
}
