/**
 * The release calendar: releases and freezes as date ranges ({@link org.breakwater.calendar.Window})
 * or as windows that recur by a cron expression in a time zone
 * ({@link org.breakwater.calendar.RecurringWindow}, {@link org.breakwater.calendar.CronSchedule}),
 * gathered in a {@link org.breakwater.calendar.ReleaseCalendar}; and the search for the
 * earliest start of a deployment, {@link org.breakwater.calendar.Scheduler#propose}, which
 * respects a list of {@link org.breakwater.calendar.Constraint}s (lead times, a weekly meeting
 * first, staging soak, outside freezes, inside business hours, a gap after a release) and
 * explains what each one did. Start at {@code Scheduler} for planning and at
 * {@code ReleaseCalendar} for the data; the file formats (iCalendar import and export, the YAML
 * form people edit) are in {@code calendar.files}. Nothing here reads a clock: the current
 * time and horizons are passed in. This package imports no framework.
 */
package org.breakwater.calendar;
