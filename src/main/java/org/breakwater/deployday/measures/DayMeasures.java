package org.breakwater.deployday.measures;

/**
 * One deployment's measures: its incidents, and over them the time to detect (first failing call to
 * detection), to acknowledge (detection to acknowledgement) and to repair (detection to resolution).
 */
public record DayMeasures(long planId, String title, int incidents, int open, Spread timeToDetect,
                          Spread timeToAcknowledge, Spread timeToRepair) {
}
