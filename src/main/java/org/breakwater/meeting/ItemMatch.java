package org.breakwater.meeting;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What one minutes item was matched to, shown with the line it came from. Only {@link Matched}
 * may be applied; {@link Ambiguous} waits for a person to pick, {@link Unmatched} says why nothing fits.
 */
public sealed interface ItemMatch permits ItemMatch.Matched, ItemMatch.Ambiguous, ItemMatch.Unmatched {
    MinutesItem item();

    /** "line 26: AGREED "BW-12 pkgdb2 …" -> plan BW-12 (by reference): deployment on 2014-06-09". */
    String describe();

    default int line() {
        return item().line();
    }

    private static String source(MinutesItem item) {
        return "line " + item.line() + ": " + item.kind() + " \"" + item.text() + "\"";
    }

    record Matched(MinutesItem item, Target target, MatchedBy by, Optional<Decision> decision) implements ItemMatch {
        @Override
        public String describe() {
            return source(item) + " -> " + target.label() + " (by " + by.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")"
                    + decision.map(d -> ": " + d.describe()).orElse("");
        }
    }

    /** Could mean any of {@code candidates}: never applied until a person confirms one. */
    record Ambiguous(MinutesItem item, List<Target> candidates, MatchedBy by, Optional<Decision> decision)
            implements ItemMatch {
        public Ambiguous {
            candidates = List.copyOf(candidates);
        }

        @Override
        public String describe() {
            return source(item) + " -> ambiguous, a person must pick one of: "
                    + candidates.stream().map(Target::label).collect(Collectors.joining(", "))
                    + decision.map(d -> " (" + d.describe() + ")").orElse("");
        }
    }

    record Unmatched(MinutesItem item, String reason) implements ItemMatch {
        @Override
        public String describe() {
            return source(item) + " -> not matched: " + reason;
        }
    }
}
