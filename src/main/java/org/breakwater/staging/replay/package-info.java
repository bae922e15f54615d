/**
 * Replay of production's real calls against staging (issue 15, item 4). The pure part is the
 * comparison: {@link org.breakwater.staging.replay.BodyComparator} compares two
 * {@link org.breakwater.staging.replay.Answer}s (status, media type, JSON bodies structurally,
 * token stream against token stream) into {@link org.breakwater.staging.replay.Difference}s at
 * JSON paths; {@link org.breakwater.staging.replay.Noise} holds the paths that differ between two
 * baselines (or are configured) and so explain nothing. docs/staging.md, "Replay".
 */
package org.breakwater.staging.replay;
