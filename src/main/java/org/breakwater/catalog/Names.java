package org.breakwater.catalog;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names that identify catalog entries: services, teams, people, consumers and
 * environments all follow one pattern, Backstage's rule for entity names (docs/catalog.md):
 * letters and digits, with single {@code -}, {@code _} or {@code .} between them, at most 63
 * characters. Such a name is safe as a file name, a URL path segment and in HTML: no
 * {@code /}, no {@code ..}, no leading dot, no spaces or markup.
 */
public final class Names {
    public static final int MAX_LENGTH = 63;
    /** The rule in words, for messages. */
    public static final String RULE = "letters and digits, with single '-', '_' or '.' between them, at most "
            + MAX_LENGTH + " characters";
    private static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*");

    private Names() {
    }

    static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
    }

    /** True when {@code name} follows the pattern. */
    public static boolean valid(String name) {
        return name != null && name.length() <= MAX_LENGTH && PATTERN.matcher(name).matches();
    }

    /** What is wrong with {@code name} as the name of a {@code what} ("service"), if anything. */
    public static Optional<String> problem(String name, String what) {
        if (valid(name)) {
            return Optional.empty();
        }
        String shown = (name.length() > 80 ? name.substring(0, 80) + "…" : name).replaceAll("\\p{Cntrl}", "?");
        return Optional.of(what + " name '" + shown + "' is not a valid name: use " + RULE + " (docs/catalog.md)");
    }
}
