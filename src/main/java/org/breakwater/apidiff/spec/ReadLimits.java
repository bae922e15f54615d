package org.breakwater.apidiff.spec;

/**
 * Bounds on what one API description may cost to read, so a hostile or broken file fails
 * fast with a clear message instead of exhausting memory or the stack.
 *
 * @param maxBytes   the largest file read, in bytes (each file of a multi-file description)
 * @param maxDepth   the deepest nesting of objects and arrays
 * @param maxNodes   the most nodes a document may expand to once YAML aliases are followed
 * @param expansionFloor  YAML aliases may always expand a document to this many nodes...
 * @param expansionFactor ...and beyond that to at most this many times the nodes written in it:
 *                        the work a description causes stays proportional to its size
 */
public record ReadLimits(long maxBytes, int maxDepth, long maxNodes, long expansionFloor, int expansionFactor) {
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    public static final long DEFAULT_EXPANSION_FLOOR = 200_000;
    public static final int DEFAULT_EXPANSION_FACTOR = 10;

    public ReadLimits {
        if (maxBytes < 1 || maxDepth < 1 || maxNodes < 1 || expansionFloor < 1 || expansionFactor < 1) {
            throw new IllegalArgumentException("read limits must be positive");
        }
    }

    /** Limits with the default bounds on YAML alias expansion. */
    public ReadLimits(long maxBytes, int maxDepth, long maxNodes) {
        this(maxBytes, maxDepth, maxNodes, DEFAULT_EXPANSION_FLOOR, DEFAULT_EXPANSION_FACTOR);
    }

    public static ReadLimits defaults() {
        return new ReadLimits(DEFAULT_MAX_BYTES, 500, 20_000_000L);
    }

    public ReadLimits withMaxBytes(long bytes) {
        return new ReadLimits(bytes, maxDepth, maxNodes, expansionFloor, expansionFactor);
    }

    /** How many nodes YAML aliases may expand a document of {@code written} nodes to. */
    public long maxExpandedNodes(long written) {
        long proportional = written > Long.MAX_VALUE / expansionFactor ? Long.MAX_VALUE : written * expansionFactor;
        return Math.max(expansionFloor, proportional);
    }
}
