/**
 * Incidents of the deployment day (issue 16): opened by hand or by the breakage detector
 * ({@code org.breakwater.deployday.detect}), acknowledged, assigned, resolved and merged into one
 * another, each change kept as a timestamped event. Start at {@link org.breakwater.deployday.incident.IncidentService};
 * the store is {@code store/JdbiIncidentRepository} (one row per incident, opened once per
 * detector key across instances), the commands {@code cli/IncidentCommand}.
 */
package org.breakwater.deployday.incident;
