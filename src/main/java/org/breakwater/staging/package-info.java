/**
 * Staging (issue 15, first piece): reading test results and what they say over time. The domain
 * here has no framework: {@link org.breakwater.staging.TestReport} and
 * {@link org.breakwater.staging.TestCaseResult} are one run's results, as the adapter
 * {@link org.breakwater.staging.junit.JunitReader} reads them from JUnit XML (Surefire/Failsafe,
 * pytest, Playwright, Ant/Jenkins); {@link org.breakwater.staging.TestHistory} turns an ordered
 * list of runs into per-test pass streaks, last failures, flip rates (flaky tests) and duration
 * statistics, and per-suite green/red per run. {@link org.breakwater.staging.ParityService} compares
 * staging with production per service and {@link org.breakwater.staging.CoverageService} tells which
 * operations identified callers exercised in staging within time windows, both from the deployment
 * records and the traffic counts (reading only). Still to come (docs/staging.md): the suites
 * registry, stored runs, the schedule, the gate, replay of production calls.
 */
package org.breakwater.staging;
