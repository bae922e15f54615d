package org.breakwater.meeting;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One meeting as its minutes tell it.
 *
 * @param title        the meeting's name as given to {@code #startmeeting} ("Infrastructure (2014-06-05)")
 * @param channel      the channel ("#fedora-meeting"), when the format names it (the minutes do, the log does not)
 * @param owner        who started the meeting
 * @param chairs       the owner first, then every {@code #chair}; the minutes formats name only the owner
 * @param participants everyone who said a line, sorted (MeetBot counts itself too)
 * @param end          empty when the file has no end-of-meeting marker: see {@link #truncated()}
 */
public record Minutes(String title, Optional<String> channel, LocalDate date, LocalTime start, Optional<LocalTime> end,
                      String owner, List<String> chairs, List<String> participants, List<MinutesItem> items,
                      MinutesFormat format) {
    public Minutes {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(format, "format");
        title = title == null ? "" : title.strip();
        chairs = List.copyOf(chairs);
        participants = participants.stream().distinct().sorted().toList();
        items = List.copyOf(items);
    }

    /**
     * No "Meeting ended" in the file: the meeting never ended or the file was cut. Everything up to
     * the cut is read (each item was said in the meeting); whoever stores these minutes shows the flag.
     */
    public boolean truncated() {
        return end.isEmpty();
    }

    /** The items of one kind, in the order they were said. */
    public List<MinutesItem> items(ItemKind kind) {
        return items.stream().filter(i -> i.kind() == kind).toList();
    }
}
