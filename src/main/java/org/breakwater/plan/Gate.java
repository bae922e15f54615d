package org.breakwater.plan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One item of a plan's checklist: the policy rule behind it, its state, its deadline, the
 * evidence that proves it (or the waiver that set it aside), and a line saying why it stands
 * where it does.
 */
public record Gate(String id, String title, String rule, GateState state, Optional<Instant> deadline,
                   List<Evidence> evidence, Optional<Waiver> waiver, String detail) {
    public Gate {
        evidence = List.copyOf(evidence);
    }
}
