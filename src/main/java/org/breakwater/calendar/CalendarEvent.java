package org.breakwater.calendar;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of an exported calendar feed (a planned deployment).
 *
 * @param uid a stable, globally unique id (so calendar clients update rather than duplicate)
 * @param description free text; empty for none
 * @param url a link to the deployment's page, if any
 */
public record CalendarEvent(String uid, String summary, String description, Instant start, Instant end,
        Optional<String> url) {
    public CalendarEvent {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(url, "url");
        if (uid.isBlank()) {
            throw new IllegalArgumentException("a calendar event needs a uid");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("event '" + uid + "' ends (" + end + ") before it starts (" + start + ")");
        }
        if (url.isPresent() && url.get().codePoints().anyMatch(c -> c <= ' ' || c == 0x7F)) {
            throw new IllegalArgumentException("the url of event '" + uid + "' contains spaces or control characters");
        }
    }
}
