/**
 * Consumers from real traffic (issue 7, in progress): which operation a logged request called
 * ({@link org.breakwater.traffic.OperationMatcher}) and, in {@code parse}, reading access logs.
 * Still to come: who is calling (identification rules in the catalog), the store of counts per
 * consumer and operation, migration states, the commands and pages (docs/progress.md).
 */
package org.breakwater.traffic;
