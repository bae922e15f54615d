package org.breakwater.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * A meeting whose minutes were ingested: what the minutes say of it, where they came from and the
 * SHA-256 of their bytes (the same minutes are recognised when ingested again).
 */
public record Meeting(long id, LocalDate date, LocalTime start, String title, Optional<String> channel, String owner,
                      List<String> chairs, List<String> participants, String source, String contentHash,
                      MinutesFormat format, boolean truncated, String ingestedBy, Instant ingestedAt) {
    public Meeting {
        chairs = List.copyOf(chairs);
        participants = List.copyOf(participants);
    }

    /** How a person names it: "meeting 3 (Infrastructure (2014-06-05), 2014-06-05)". */
    public String label() {
        return "meeting " + id + " (" + (title.isEmpty() ? "untitled" : title) + ", " + date + ")";
    }

    static Meeting of(Minutes m, String source, String hash, String by, Instant at) {
        return new Meeting(0, m.date(), m.start(), m.title(), m.channel(), m.owner(), m.chairs(), m.participants(),
                source, hash, m.format(), m.truncated(), by, at);
    }
}
