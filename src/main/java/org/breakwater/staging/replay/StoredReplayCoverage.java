package org.breakwater.staging.replay;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.breakwater.staging.Coverage;
import org.breakwater.staging.ReplayCoverage;

/** {@link ReplayCoverage} from the stored replays: their answered operations and their windows. */
public final class StoredReplayCoverage implements ReplayCoverage {
    private final ReplayRepository repository;

    public StoredReplayCoverage(ReplayRepository repository) {
        this.repository = repository;
    }

    @Override
    public Map<String, Long> exercised(String service, String environment, Coverage.Window period) {
        Map<String, Long> out = new LinkedHashMap<>();
        repository.exercised(service, environment, period.since(), period.until())
                .forEach(e -> out.put(e.operation(), e.calls()));
        return out;
    }

    @Override
    public List<Coverage.Window> windows(String service, String environment, Coverage.Window period) {
        return repository.runsExercising(service, environment, period.since(), period.until()).stream()
                .map(r -> ReplayCoverage.window(r.started(), r.finished())).toList();
    }
}
