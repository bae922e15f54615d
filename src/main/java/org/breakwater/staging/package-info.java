/**
 * Staging (issue 15, first piece): reading test results and what they say over time. The domain
 * here has no framework: {@link org.breakwater.staging.TestReport} and
 * {@link org.breakwater.staging.TestCaseResult} are one run's results, as the adapter
 * {@link org.breakwater.staging.junit.JunitReader} reads them from JUnit XML (Surefire/Failsafe,
 * pytest, Playwright, Ant/Jenkins); {@link org.breakwater.staging.TestHistory} turns an ordered
 * list of runs into per-test pass streaks, last failures, flip rates (flaky tests) and duration
 * statistics, and per-suite green/red per run. Still to come (docs/staging.md): the suites
 * registry, stored runs, the schedule, the gate, replay of production calls, coverage and parity.
 */
package org.breakwater.staging;
