package org.breakwater.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/** Ingested meetings, their items and follow-ups, and the agenda mails sent. Implementation: {@code JdbiMeetingRepository}. */
public interface MeetingRepository {
    /**
     * Stores a meeting with its items and follow-ups in one transaction; empty (and nothing written)
     * when minutes with the same content hash were stored already.
     */
    Optional<Meeting> save(Meeting meeting, List<StoredItem> items, List<FollowUp> followUps);

    Optional<Meeting> byHash(String contentHash);

    /** A meeting already stored with this day, start and title (the same meeting read from another of MeetBot's files). */
    Optional<Meeting> same(LocalDate date, LocalTime start, String title);

    Optional<Meeting> meeting(long id);

    /** Newest meeting first. */
    List<Meeting> meetings(int limit);

    List<StoredItem> items(long meetingId);

    Optional<StoredItem> item(long id);

    /** Items waiting for a person, oldest first. */
    List<StoredItem> pending();

    /**
     * The items carrying a service's classification that counted (applied, noted, confirmed or
     * kept), newest meeting first (its day, its start, then the later line).
     */
    List<StoredItem> classifications();

    /** Records what became of an item when it was applied after being stored. */
    void update(StoredItem item);

    /**
     * A person's decision on a pending item: true for exactly one of several people deciding at once
     * (the item must still be pending), false and nothing written otherwise.
     */
    boolean decide(long itemId, ItemState state, Optional<String> target, String outcome, String by, Instant at);

    List<FollowUp> followUps(long meetingId);

    /** Follow-ups not yet done, oldest first. */
    List<FollowUp> openFollowUps();

    /** Marks a follow-up done; false when it was done already or does not exist. */
    boolean followUpDone(long id, String by, Instant at);

    /** Claims the agenda mail of one occurrence: true exactly once per occurrence. */
    boolean claimAgenda(String occurrence, String messageId, Instant at);
}
