package org.breakwater.meeting;

/**
 * How much one minutes file may be. A year of weekly infrastructure logs is well under 1 MB
 * each; the defaults leave room for long meetings and refuse anything that is not minutes.
 */
public record MinutesLimits(int maxBytes, int maxLines, int maxLineChars) {
    public static final MinutesLimits DEFAULT = new MinutesLimits(5 * 1024 * 1024, 100_000, 64 * 1024);

    public MinutesLimits {
        if (maxBytes < 1 || maxLines < 1 || maxLineChars < 1) {
            throw new IllegalArgumentException("limits are positive");
        }
    }
}
