package org.breakwater.staging;

import java.util.List;

/**
 * One suite over a history of runs (oldest first): per run {@link State#GREEN} (in the run, no case
 * failed or errored; skips allowed), {@link State#RED}, or {@link State#ABSENT}.
 */
public record SuiteHealth(String suite, List<State> perRun) {
    public enum State { GREEN, RED, ABSENT }

    public SuiteHealth {
        perRun = List.copyOf(perRun);
    }

    /** Green in the newest run it was part of; false when never part of one. */
    public boolean greenNow() {
        for (int i = perRun.size() - 1; i >= 0; i--) {
            if (perRun.get(i) != State.ABSENT) return perRun.get(i) == State.GREEN;
        }
        return false;
    }
}
