/**
 * Measures of deployment days (docs/deployment-day.md): per deployment, its incidents and the times
 * to detect, acknowledge and repair; across deployments, DORA's four keys per service and per team.
 * Start at {@link MeasuresService}.
 */
package org.breakwater.deployday.measures;
