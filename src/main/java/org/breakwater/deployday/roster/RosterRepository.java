package org.breakwater.deployday.roster;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Plans' rosters. Implementation: {@code JdbiRosterRepository}; contract tests run it on both databases. */
public interface RosterRepository {
    /** Adds {@code username} in {@code role} to the plan's roster; the existing entry when already there. */
    RosterMember add(long planId, String username, RosterRole role, Optional<String> team, String reason, Instant at);

    /** The plan's roster in the order people were added. */
    List<RosterMember> members(long planId);

    Optional<RosterMember> member(long id);

    /**
     * Records that the invitation went into the outbox, with the SHA-256 of its confirm link and
     * when the link expires (a new invitation replaces an earlier, unused link).
     */
    void invited(long id, Instant at, String linkHash, Instant expires);

    /** Confirms entry {@code id}; false when it was confirmed already. */
    boolean confirm(long id, Instant at, String via);

    /** The entry whose confirm link hashes to {@code linkHash}, if any. */
    Optional<RosterMember> byLink(String linkHash);

    /**
     * Uses the link that hashes to {@code linkHash} at {@code now}, confirming its entry: true for
     * exactly one caller, and only while the link is unused and unexpired.
     */
    boolean useLink(String linkHash, Instant now);
}
