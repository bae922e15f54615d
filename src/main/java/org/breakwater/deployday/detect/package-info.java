/**
 * Breakage detection on the deployment day (issue 16): while a plan is in progress and for a
 * settling period after, each consumer × operation's error rate and volume after the cut-over
 * are compared with its baseline before ({@link org.breakwater.deployday.detect.BreakageFinder},
 * pure), and a rise past the {@link org.breakwater.deployday.detect.DetectionPolicy}'s thresholds,
 * calls to removed operations or a consumer gone silent open a suspected incident, once, with
 * notifications through the outbox ({@link org.breakwater.deployday.detect.Detector}).
 */
package org.breakwater.deployday.detect;
