package org.breakwater.plan;

import java.util.List;
import org.breakwater.apidiff.report.Finding;
import org.breakwater.catalog.AffectedConsumer;

/** One breaking change and the consumers it reaches (directly and through other services). */
public record BreakImpact(Finding finding, List<AffectedConsumer> consumers) {
    public BreakImpact {
        consumers = List.copyOf(consumers);
    }
}
