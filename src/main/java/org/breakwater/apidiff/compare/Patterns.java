package org.breakwater.apidiff.compare;

import java.util.Optional;

/**
 * What can be decided about two regular expressions without a regular-expression engine:
 * only that no string matches both, and only in the plain case of two anchored patterns whose
 * literal prefixes differ ({@code ^BU[0-9a-f]{32}$} against {@code ^RN[0-9a-f]{32}$}). Anything
 * else is left undecided.
 */
final class Patterns {
    /** Characters with a meaning in an ECMA-262 pattern: a literal prefix stops before them. */
    private static final String META = "\\^$.|?*+()[]{}";
    private static final String QUANTIFIERS = "?*{";

    private Patterns() {
    }

    /**
     * True when no string can match both patterns: both start with {@code ^} and a literal
     * prefix, neither prefix starts the other, and neither pattern has an alternative
     * ({@code |}) that could escape its anchor.
     */
    static boolean disjoint(String a, String b) {
        Optional<String> pa = anchoredPrefix(a);
        Optional<String> pb = anchoredPrefix(b);
        return pa.isPresent() && pb.isPresent()
                && !pa.get().startsWith(pb.get()) && !pb.get().startsWith(pa.get());
    }

    /**
     * The literal characters every match starts with, or empty when the pattern is not anchored
     * or has an alternative. A literal character followed by a quantifier that allows zero of it
     * ({@code ?}, {@code *}, {@code {0,}}) is not part of the prefix.
     */
    static Optional<String> anchoredPrefix(String pattern) {
        if (!pattern.startsWith("^") || pattern.indexOf('|') >= 0) {
            return Optional.empty();
        }
        int end = 1;
        while (end < pattern.length() && META.indexOf(pattern.charAt(end)) < 0) {
            end++;
        }
        if (end < pattern.length() && QUANTIFIERS.indexOf(pattern.charAt(end)) >= 0) {
            end--; // the last literal may occur zero times
        }
        String prefix = pattern.substring(1, Math.max(1, end));
        return prefix.isEmpty() ? Optional.empty() : Optional.of(prefix);
    }
}
