package org.breakwater.announce;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A stored announcement of a plan: a draft (editable), queued (its mail is in the outbox),
 * or sent (with its Message-ID and time).
 */
public record Announcement(long id, long planId, Kind kind, Optional<String> consumer, List<String> to, String subject,
                           String body, Status status, String createdBy, Instant createdAt, Optional<String> editedBy,
                           Optional<String> sentBy, Optional<Instant> queuedAt, Optional<Instant> sentAt,
                           Optional<String> messageId) {
    public Announcement {
        to = List.copyOf(to);
    }

    /** Where an announcement is in its life. */
    public enum Status {
        DRAFT, QUEUED, SENT;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Optional<Status> parse(String text) {
            for (Status s : values()) {
                if (s.id().equals(text)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }
}
