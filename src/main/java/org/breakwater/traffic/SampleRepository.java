package org.breakwater.traffic;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The stored target samples ({@link Sample}). Implementation: {@code JdbiSampleRepository}. */
public interface SampleRepository {
    /** Nowhere: an ingest that keeps no samples. */
    SampleRepository NONE = new SampleRepository() {
        @Override
        public void merge(Collection<Sample> samples) {
        }

        @Override
        public List<Sample> samples(String service, String environment) {
            return List.of();
        }

        @Override
        public int prune(Instant before) {
            return 0;
        }
    };

    /** Merges these with the stored samples of the same keys (as one reservoir each), in one transaction. */
    void merge(Collection<Sample> samples);

    /** A service's samples in an environment, by caller and operation. */
    List<Sample> samples(String service, String environment);

    /** Forgets samples whose newest call is older than {@code before}; how many went. */
    int prune(Instant before);
}
