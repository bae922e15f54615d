package org.breakwater.traffic;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Calls counted per service, environment, caller and operation. Implementation: {@code JdbiTrafficRepository}. */
public interface TrafficRepository {
    /** Adds these counts to what is stored (counts add up; first and last seen widen), in one transaction. */
    void merge(Collection<Usage> usages);

    List<Usage> usages(String service, Optional<String> environment);
}
