package org.breakwater.meeting;

import java.time.LocalTime;
import java.util.Objects;

/**
 * One line of the minutes: a topic, a piece of information, a decision, an action…
 *
 * @param nick who said it
 * @param time when it was said (the meeting's own clock, UTC at Fedora)
 * @param line the line of the file it was read from (1-based), so every match can show its source
 */
public record MinutesItem(ItemKind kind, String text, String nick, LocalTime time, int line) {
    public MinutesItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(time, "time");
        text = text == null ? "" : text.strip();
        if (nick == null || nick.isBlank()) {
            throw new IllegalArgumentException("a minutes item names who said it");
        }
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1");
        }
    }

    /** What it says, without where it was read from: the same for one meeting in every format. */
    public String said() {
        return time + " " + kind + " <" + nick + "> " + text;
    }
}
