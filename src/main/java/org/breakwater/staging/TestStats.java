package org.breakwater.staging;

import java.time.Duration;
import java.util.Optional;

/**
 * One test over a history of runs (oldest first). A run gives the test a <em>verdict</em> when the
 * test passed (pass) or failed or errored (fail) in it; a skip, or a run without the test, gives
 * none and is left out of everything below (it neither breaks nor extends a streak). When a test
 * appears more than once in one run (Playwright runs a spec once per project), the worst status is
 * that run's verdict.
 * <ul>
 *   <li>{@code passStreak}: consecutive passes counted back from the newest verdict (0 when the
 *       newest verdict is a fail);</li>
 *   <li>{@code lastFailure}: the id of the newest run with a fail, over the whole history;</li>
 *   <li>{@code verdicts}: how many verdicts the window holds: the last {@link FlakeRule#window()}
 *       verdicts (fewer when the history is shorter);</li>
 *   <li>{@code flips}: adjacent verdicts in the window that differ (pass then fail, or fail then
 *       pass); {@code flipRate} = flips / (verdicts - 1), 0 with fewer than two verdicts; the test is
 *       {@code flaky} when the flip rate is above {@link FlakeRule#threshold()}. A test that is
 *       always red flips 0 times: broken, not flaky;</li>
 *   <li>{@code passedOnRerun}: verdicts in the window that were passes only after a rerun (Surefire's
 *       flaky reruns), shown beside the flip rate, not part of it;</li>
 *   <li>{@code median} and {@code p95}: nearest-rank percentiles (the value at rank ceil(p/100 * n)
 *       of the n durations sorted) of every occurrence's duration in the window's runs with a verdict;
 *       empty without any.</li>
 * </ul>
 */
public record TestStats(TestId id, int passStreak, Optional<String> lastFailure, int verdicts, int flips,
                        double flipRate, boolean flaky, int passedOnRerun, Optional<Duration> median,
                        Optional<Duration> p95) {
}
