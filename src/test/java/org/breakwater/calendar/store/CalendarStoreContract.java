package org.breakwater.calendar.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.breakwater.calendar.RecurringWindow;
import org.breakwater.calendar.ReleaseCalendar;
import org.breakwater.calendar.Window;
import org.breakwater.calendar.WindowKind;
import org.breakwater.store.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stored calendar, on SQLite and on PostgreSQL. */
abstract class CalendarStoreContract {
    @TempDir
    Path dir;

    JdbiCalendarRepository calendar;

    abstract Database open(Path dir);

    Database db;

    @BeforeEach
    void openStore() {
        db = open(dir);
        calendar = new JdbiCalendarRepository(db.jdbi());
    }

    @org.junit.jupiter.api.AfterEach
    void closeStore() {
        db.close();
    }

    static Window window(String name, WindowKind kind, String from, String to) {
        return new Window(name, kind, Instant.parse(from), Instant.parse(to));
    }

    @Test
    void windows_and_recurring_windows_read_back_with_their_source() {
        calendar.replace("f21.ics", List.of(
                window("Fedora 21 Beta freeze", WindowKind.FREEZE, "2014-10-14T00:00:00Z", "2014-11-04T00:00:00Z"),
                window("Fedora 21 Beta release", WindowKind.RELEASE, "2014-11-04T00:00:00Z", "2014-11-05T00:00:00Z")),
                List.of(RecurringWindow.of("mass push", WindowKind.FREEZE, "0 20 * * WED", Duration.ofHours(2),
                        ZoneId.of("America/New_York"))));
        ReleaseCalendar c = calendar.load();
        assertThat(c.windows()).extracting(Window::name).containsExactly("Fedora 21 Beta freeze", "Fedora 21 Beta release");
        assertThat(c.windows().get(0).source()).contains("f21.ics");
        assertThat(c.windows().get(0).end()).isEqualTo(Instant.parse("2014-11-04T00:00:00Z"));
        assertThat(c.recurring()).singleElement().satisfies(r -> {
            assertThat(r.cron()).isEqualTo("0 20 * * WED");
            assertThat(r.zone()).isEqualTo(ZoneId.of("America/New_York"));
            assertThat(r.length()).isEqualTo(Duration.ofHours(2));
        });
        assertThat(c.freezesOverlapping(Instant.parse("2014-10-20T00:00:00Z"), Instant.parse("2014-10-20T04:00:00Z")))
                .extracting(Window::name).containsExactly("Fedora 21 Beta freeze");
    }

    @Test
    void importing_a_source_again_replaces_only_what_it_brought() {
        calendar.replace("a.yaml", List.of(window("A freeze", WindowKind.FREEZE, "2014-10-01T00:00:00Z",
                "2014-10-02T00:00:00Z")), List.of());
        calendar.replace("b.yaml", List.of(window("B release", WindowKind.RELEASE, "2014-12-09T00:00:00Z",
                "2014-12-10T00:00:00Z")), List.of());
        calendar.replace("a.yaml", List.of(window("A freeze, moved", WindowKind.FREEZE, "2014-10-08T00:00:00Z",
                "2014-10-09T00:00:00Z")), List.of());
        calendar.replace("a.yaml", List.of(window("A freeze, moved", WindowKind.FREEZE, "2014-10-08T00:00:00Z",
                "2014-10-09T00:00:00Z")), List.of());
        assertThat(calendar.load().windows()).extracting(Window::name).containsExactly("A freeze, moved", "B release");
    }
}
