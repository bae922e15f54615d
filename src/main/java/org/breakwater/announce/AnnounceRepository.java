package org.breakwater.announce;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Announcements and the outbox. Implementation: {@code JdbiAnnounceRepository}. */
public interface AnnounceRepository {
    Announcement create(Announcement a);

    Optional<Announcement> announcement(long id);

    List<Announcement> announcements(Optional<Long> planId);

    /** Changes a draft's recipients, subject and body; false when it is no longer a draft. */
    boolean edit(long id, List<String> to, String subject, String body, String by);

    /**
     * In one transaction: the announcement becomes queued with its message id, and its mail
     * enters the outbox. False (and nothing written) when it was not a draft.
     */
    boolean queue(long id, String by, Instant at, OutboxEntry mail);

    /** Adds an entry to the outbox on its own (a bus event). */
    void enqueue(OutboxEntry entry);

    /** Pending entries of {@code channels} due by {@code now}, oldest first. */
    List<OutboxEntry> due(Instant now, java.util.Set<OutboxEntry.Channel> channels, int limit);

    /**
     * Claims a due entry for {@code lease}: true for exactly one of several workers racing for
     * it; a worker that dies holding it lets the lease run out and the entry becomes due again.
     */
    boolean claim(long id, Instant seen, Instant until);

    /** Marks an entry sent, and its announcement (if any) sent at the same time. */
    void sent(OutboxEntry entry, Instant at);

    void failed(long id, int attempts, Instant retryAt, String error);

    /** Pending entries of {@code channels} that failed and wait for their next attempt after {@code now}. */
    Retries retries(Instant now, java.util.Set<OutboxEntry.Channel> channels);

    /** How many entries wait to be tried again, and when the soonest is due. */
    record Retries(int count, Optional<Instant> next) {
    }

    List<OutboxEntry> outbox(int limit);

    /** Per channel with pending entries: how many wait to be delivered, and when the oldest was made. */
    List<Waiting> waiting();

    /** The pending entries of one channel: how many, and when the oldest of them was made. */
    record Waiting(OutboxEntry.Channel channel, int count, Instant oldest) {
    }

    /** Records that {@code by} approved the plan's reminders; false if they were approved already. */
    boolean approveReminders(long planId, String by, Instant at);

    /** Who approved a plan's reminders, if anyone. */
    Optional<String> reminderApprover(long planId);

    /** Plans whose reminders were approved. */
    List<Long> plansWithApprovedReminders();

    /**
     * Claims the reminder of {@code planId} at {@code leadMinutes} before its start: true exactly
     * once for each, however many workers ask.
     */
    boolean claimReminder(long planId, long leadMinutes);

    void reminderWritten(long planId, long leadMinutes, long announcementId);
}
