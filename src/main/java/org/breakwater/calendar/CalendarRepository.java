package org.breakwater.calendar;

import java.util.List;

/** The stored release calendar. Implementation: {@code JdbiCalendarRepository}. */
public interface CalendarRepository {
    ReleaseCalendar load();

    /**
     * Replaces everything earlier imported from {@code source} (a file name) with these
     * windows, in one transaction: importing the same file twice changes nothing.
     */
    void replace(String source, List<Window> windows, List<RecurringWindow> recurring);
}
