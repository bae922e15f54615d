package org.breakwater.announce;

import java.time.Instant;
import java.util.Optional;

/**
 * Something to deliver, recorded before it is attempted: a mail (to its recipients, with its
 * subject and body) or a bus message (to its topic, with its schema and JSON body). The
 * message id is fixed when the entry is made, so a delivery retried after a crash carries the
 * same id and receivers can tell a repeat.
 *
 * @param destination the recipients of a mail, comma-separated, or a bus message's topic
 * @param subject     a mail's subject, or a bus message's schema name
 * @param attachment  an iCalendar text sent with a mail as {@code invite.ics} (a roster invitation's window)
 */
public record OutboxEntry(long id, Channel channel, String messageId, Optional<Long> announcementId, String destination,
                          String subject, String payload, int attempts, Instant nextAttemptAt, State state,
                          Optional<String> lastError, Instant createdAt, Optional<Instant> sentAt,
                          Optional<String> attachment) {
    /** An entry without an attachment. */
    public OutboxEntry(long id, Channel channel, String messageId, Optional<Long> announcementId, String destination,
                       String subject, String payload, int attempts, Instant nextAttemptAt, State state,
                       Optional<String> lastError, Instant createdAt, Optional<Instant> sentAt) {
        this(id, channel, messageId, announcementId, destination, subject, payload, attempts, nextAttemptAt, state,
                lastError, createdAt, sentAt, Optional.empty());
    }

    /** How an entry travels. */
    public enum Channel {
        MAIL, BUS;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Still to deliver, or delivered. */
    public enum State {
        PENDING, SENT;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public java.util.List<String> recipients() {
        return java.util.Arrays.stream(destination.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
