package org.breakwater.calendar;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether an imported calendar event is a freeze, a release or neither, from its
 * summary and categories. A keyword matches at the start of a word, ignoring case
 * ("freeze" matches "Beta Freeze" and "freezes", not "unfreeze"); a keyword written in
 * capitals, such as "GA", is an acronym and must match a whole word exactly. Freeze keywords
 * are tried first, so "Freeze before release" is a freeze.
 *
 * @param fallback the kind of an event no keyword matches; empty to skip such events
 */
public record Classifier(List<String> freezeWords, List<String> releaseWords, Optional<WindowKind> fallback) {
    public Classifier {
        freezeWords = List.copyOf(freezeWords);
        releaseWords = List.copyOf(releaseWords);
        Objects.requireNonNull(fallback, "fallback");
        if (freezeWords.stream().anyMatch(String::isBlank) || releaseWords.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("a classifier keyword must not be blank");
        }
    }

    /** Custom keyword lists; events that match none are skipped. */
    public Classifier(List<String> freezeWords, List<String> releaseWords) {
        this(freezeWords, releaseWords, Optional.empty());
    }

    /** "freeze" makes a freeze; "release", "GA" or "launch" a release; anything else is skipped. */
    public static Classifier defaults() {
        return new Classifier(List.of("freeze"), List.of("release", "GA", "launch"));
    }

    /** Takes every event as {@code kind} (for calendars that hold nothing else). */
    public static Classifier everything(WindowKind kind) {
        return new Classifier(List.of(), List.of(), Optional.of(kind));
    }

    /** The kind of an event with this summary and these categories; empty to skip it. */
    public Optional<WindowKind> classify(String summary, List<String> categories) {
        if (matches(freezeWords, summary, categories)) {
            return Optional.of(WindowKind.FREEZE);
        }
        if (matches(releaseWords, summary, categories)) {
            return Optional.of(WindowKind.RELEASE);
        }
        return fallback;
    }

    private static boolean matches(List<String> words, String summary, List<String> categories) {
        for (String word : words) {
            Pattern p = pattern(word);
            if (p.matcher(summary).find() || categories.stream().anyMatch(c -> p.matcher(c).find())) {
                return true;
            }
        }
        return false;
    }

    private static Pattern pattern(String word) {
        String quoted = "(?<![\\p{L}\\p{N}])" + Pattern.quote(word);
        if (word.equals(word.toUpperCase(Locale.ROOT)) && !word.equals(word.toLowerCase(Locale.ROOT))) {
            return Pattern.compile(quoted + "(?![\\p{L}\\p{N}])");
        }
        return Pattern.compile(quoted, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
