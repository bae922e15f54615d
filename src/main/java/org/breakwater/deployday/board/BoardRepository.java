package org.breakwater.deployday.board;

import java.util.List;

/** Checklist ticks. Implementation: {@code JdbiBoardRepository}; contract tests run it on both databases. */
public interface BoardRepository {
    /** Records the tick; false when the step was ticked already (the first tick stands). */
    boolean tick(Tick tick);

    List<Tick> ticks(long planId);
}
