package org.breakwater.text;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean …?" for a name that is not known: the closest known name by edit distance
 * (a swap of two neighbouring letters counts as one edit), case ignored, offered only when it
 * is within a third of the wrong name's length (at least one edit), so a wild guess gets no
 * suggestion. Used for catalog names, operations, teams, consumers and gate notes.
 */
public final class Suggestions {
    private Suggestions() {
    }

    /** The known name {@code wrong} was most likely meant to be, if one is close enough. */
    public static Optional<String> closest(String wrong, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String w = wrong.toLowerCase(Locale.ROOT);
        for (String k : known) {
            int d = distance(w, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= Math.max(1, wrong.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    /** "; did you mean 'pkgdb'?" when a known name is a typo away, else "". */
    public static String didYouMean(String wrong, Collection<String> known) {
        return closest(wrong, known).map(k -> "; did you mean '" + k + "'?").orElse("");
    }

    /** Edit distance counting a swap of two neighbours as one edit (optimal string alignment). */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
