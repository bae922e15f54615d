/**
 * The release calendar's file formats: {@link org.breakwater.calendar.files.IcsReader} imports
 * releases and freezes from an iCalendar file as a community calendar exports it (a
 * {@link org.breakwater.calendar.Classifier} picks which events count),
 * {@link org.breakwater.calendar.files.IcsWriter} writes the schedule of planned deployments as
 * an iCalendar feed, and {@link org.breakwater.calendar.files.CalendarYaml} reads and writes the
 * YAML form people edit. Malformed input is a {@link org.breakwater.calendar.files.CalendarException}
 * naming each problem's file and line (and column for YAML).
 */
package org.breakwater.calendar.files;
