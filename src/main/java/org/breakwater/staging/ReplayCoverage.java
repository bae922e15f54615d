package org.breakwater.staging;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the replays of production's calls exercised in a candidate environment (docs/staging.md,
 * Coverage): the replay knows each call it sent and whether the candidate answered, so its
 * operations count as exercised without reading staging's access logs. Implemented over the
 * stored replays ({@code staging.replay}).
 */
public interface ReplayCoverage {
    /** The caller shown for the replay's calls: the User-Agent it sends. */
    String CALLER = "breakwater-replay";

    /** The rule that names the replay's calls in staging's access logs (and on coverage pages). */
    TestCallers CALLERS = new TestCallers("replay", TestCallers.Kind.USER_AGENT, "^" + CALLER + "$");

    /** No replay at all. */
    ReplayCoverage NONE = new ReplayCoverage() {
        @Override
        public Map<String, Long> exercised(String service, String environment, Coverage.Window period) {
            return Map.of();
        }

        @Override
        public List<Coverage.Window> windows(String service, String environment, Coverage.Window period) {
            return List.of();
        }
    };

    /** Operation key to calls the candidate answered, over the replays against {@code environment} started in the period. */
    Map<String, Long> exercised(String service, String environment, Coverage.Window period);

    /** Those replays' windows (started to finished), oldest first. */
    List<Coverage.Window> windows(String service, String environment, Coverage.Window period);

    /** The window of a replay that ran from {@code started} to {@code finished}, widened to whole seconds. */
    static Coverage.Window window(Instant started, Instant finished) {
        return new Coverage.Window(started.truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                finished.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1));
    }
}
