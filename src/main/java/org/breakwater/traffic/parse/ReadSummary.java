package org.breakwater.traffic.parse;

import java.util.List;
import java.util.Optional;

/**
 * What {@link LogReader#read} did with one stream: lines seen, records passed on, lines that
 * could not be parsed (with the first few as samples), and why reading stopped early, if it did.
 */
public record ReadSummary(
        String source, long lines, long records, long malformed, List<MalformedLine> samples,
        Optional<String> failure) {

    public ReadSummary {
        samples = List.copyOf(samples);
    }
}
