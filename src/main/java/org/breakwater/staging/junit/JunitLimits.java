package org.breakwater.staging.junit;

/**
 * Bounds on one JUnit XML file, enforced while it is read: its size in bytes, the number of test
 * cases, and the characters kept of each message, each failure text (stack trace) and each case's
 * output (longer ones are cut, and say so). Defaults: 200 MB, 500,000 cases, 4,000 characters of
 * message, 32,000 of failure text and 16,000 of output.
 */
public record JunitLimits(long maxBytes, int maxCases, int maxMessageChars, int maxDetailsChars,
                          int maxOutputChars) {
    public static final long DEFAULT_MAX_BYTES = 200L * 1000 * 1000;

    public JunitLimits {
        if (maxBytes < 1) throw new IllegalArgumentException("maxBytes must be >= 1: " + maxBytes);
        if (maxCases < 1) throw new IllegalArgumentException("maxCases must be >= 1: " + maxCases);
        if (maxMessageChars < 1 || maxDetailsChars < 1 || maxOutputChars < 1) {
            throw new IllegalArgumentException("text caps must be >= 1");
        }
    }

    public static JunitLimits defaults() {
        return new JunitLimits(DEFAULT_MAX_BYTES, 500_000, 4_000, 32_000, 16_000);
    }

    public JunitLimits withMaxBytes(long bytes) {
        return new JunitLimits(bytes, maxCases, maxMessageChars, maxDetailsChars, maxOutputChars);
    }

    public JunitLimits withMaxCases(int cases) {
        return new JunitLimits(maxBytes, cases, maxMessageChars, maxDetailsChars, maxOutputChars);
    }
}
