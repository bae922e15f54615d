package org.breakwater.apidiff.spec;

/**
 * Bounds on what one API description may cost to read, so a hostile or broken file fails
 * fast with a clear message instead of exhausting memory or the stack.
 *
 * @param maxBytes   the largest file read, in bytes (each file of a multi-file description)
 * @param maxDepth   the deepest nesting of objects and arrays
 * @param maxNodes   the most nodes a document may expand to once YAML aliases are followed
 */
public record ReadLimits(long maxBytes, int maxDepth, long maxNodes) {
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    public ReadLimits {
        if (maxBytes < 1 || maxDepth < 1 || maxNodes < 1) {
            throw new IllegalArgumentException("read limits must be positive");
        }
    }

    public static ReadLimits defaults() {
        return new ReadLimits(DEFAULT_MAX_BYTES, 500, 20_000_000L);
    }

    public ReadLimits withMaxBytes(long bytes) {
        return new ReadLimits(bytes, maxDepth, maxNodes);
    }
}
