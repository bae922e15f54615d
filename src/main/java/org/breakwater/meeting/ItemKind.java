package org.breakwater.meeting;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of minutes item MeetBot records, one per command ({@code #halp} is MeetBot's spelling of
 * help; {@code #accepted} and {@code #rejected} are its vote outcomes, chairs only, like {@code #agreed}).
 */
public enum ItemKind {
    TOPIC, INFO, AGREED, ACTION, LINK, IDEA, HELP, ACCEPTED, REJECTED;

    /** The kind a command names, whatever its case: {@code #AGREED}, {@code #agreed} and {@code #Agreed} alike. */
    public static Optional<ItemKind> ofCommand(String command) {
        String c = command.toLowerCase(Locale.ROOT);
        if (c.equals("halp")) {
            return Optional.of(HELP);
        }
        for (ItemKind k : values()) {
            if (k.name().toLowerCase(Locale.ROOT).equals(c)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The label the text and HTML minutes put before an item ({@code AGREED:}); INFO and TOPIC have none. */
    static Optional<ItemKind> ofLabel(String label) {
        return label.equals("INFO") || label.equals("TOPIC") ? Optional.empty() : ofCommand(label);
    }
}
