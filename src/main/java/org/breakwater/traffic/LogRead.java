package org.breakwater.traffic;

import java.time.Instant;

/**
 * How far a plain {@code traffic ingest} read one log of a service's environment. The log is
 * known by its content, not its name: the SHA-256 of its first {@code headLength} bytes (up to
 * {@link LogReads#HEAD} bytes, as many as it had when first read), so the same log given again
 * — renamed, copied, or grown — is recognised.
 *
 * @param position the bytes read, from the start of the file
 */
public record LogRead(String service, String environment, String headHash, int headLength, String path,
                      long position, Instant at) {
    public LogRead {
        if (headLength < 1 || headLength > LogReads.HEAD) {
            throw new IllegalArgumentException("head length out of range: " + headLength);
        }
        if (position < headLength) {
            throw new IllegalArgumentException("a log is read at least as far as its head");
        }
    }

    LogRead readTo(String newPath, long newPosition, Instant when) {
        return new LogRead(service, environment, headHash, headLength, newPath, newPosition, when);
    }
}
