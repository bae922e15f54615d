package org.breakwater.meeting;

import java.time.Instant;
import java.util.Optional;

/** An {@code #action} line: a follow-up, on its plan's page when it names one, until someone marks it done. */
public record FollowUp(long id, long meetingId, int line, String nick, String text, Optional<Long> planId,
                       Optional<String> doneBy, Optional<Instant> doneAt) {
    public boolean open() {
        return doneAt.isEmpty();
    }
}
