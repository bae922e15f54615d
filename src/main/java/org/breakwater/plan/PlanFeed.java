package org.breakwater.plan;

import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.breakwater.calendar.CalendarEvent;

/**
 * The planned deployments as calendar events. One bad stored plan never fails the feed: a
 * ticket that is not a link is left out of its entry, an entry that cannot be written at all
 * (its times out of range) is skipped, and each is told to the caller's {@code problems}.
 */
final class PlanFeed {
    /** iCalendar writes years with four digits. */
    private static final java.time.Instant LAST = java.time.Instant.parse("9999-12-31T23:59:59Z");

    private PlanFeed() {
    }

    static List<CalendarEvent> events(List<Plan> plans, Consumer<String> problems) {
        List<CalendarEvent> events = new ArrayList<>();
        for (Plan p : plans) {
            if (p.status() == PlanStatus.CANCELLED || p.status() == PlanStatus.DRAFT) {
                continue;
            }
            Optional<String> bad = p.ticket().flatMap(PlanInput::url);
            bad.ifPresent(why -> problems.accept("plan " + p.id() + ": its ticket is left out of the feed: " + why));
            try {
                if (p.end().isAfter(LAST)) {
                    throw new DateTimeException("it ends after the year 9999 (" + p.end() + ")");
                }
                events.add(new CalendarEvent("plan-" + p.id() + "@breakwater", "Deployment: " + p.title() + " ("
                        + p.environment() + ")", p.releaseLabel() + " → " + p.environment() + ", " + p.status().id()
                        + ", owner " + p.owner(), p.start(), p.end(), bad.isPresent() ? Optional.empty() : p.ticket()));
            } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
                problems.accept("plan " + p.id() + " is left out of the feed: " + e.getMessage());
            }
        }
        return events;
    }
}
