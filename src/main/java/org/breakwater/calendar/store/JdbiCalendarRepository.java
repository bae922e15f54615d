package org.breakwater.calendar.store;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.breakwater.calendar.CalendarRepository;
import org.breakwater.calendar.RecurringWindow;
import org.breakwater.calendar.ReleaseCalendar;
import org.breakwater.calendar.Window;
import org.breakwater.calendar.WindowKind;
import org.jdbi.v3.core.Jdbi;

/** The release calendar in SQL, the same on SQLite and PostgreSQL. */
public final class JdbiCalendarRepository implements CalendarRepository {
    private final Jdbi jdbi;

    public JdbiCalendarRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public ReleaseCalendar load() {
        return jdbi.withHandle(h -> {
            List<Window> windows = h.createQuery("select name, kind, starts_at, ends_at, source from calendar_window"
                            + " order by starts_at, id")
                    .map((rs, ctx) -> new Window(rs.getString(1), kind(rs.getString(2)), Instant.ofEpochMilli(rs.getLong(3)),
                            Instant.ofEpochMilli(rs.getLong(4)), Optional.ofNullable(rs.getString(5)))).list();
            List<RecurringWindow> recurring = h.createQuery("select name, kind, cron, length_s, zone from calendar_recurring"
                            + " order by id")
                    .map((rs, ctx) -> RecurringWindow.of(rs.getString(1), kind(rs.getString(2)), rs.getString(3),
                            Duration.ofSeconds(rs.getLong(4)), ZoneId.of(rs.getString(5)))).list();
            return new ReleaseCalendar(windows, recurring);
        });
    }

    private static WindowKind kind(String id) {
        return WindowKind.valueOf(id.toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    public void replace(String source, List<Window> windows, List<RecurringWindow> recurring) {
        jdbi.useTransaction(h -> {
            h.createUpdate("delete from calendar_window where source = ?").bind(0, source).execute();
            h.createUpdate("delete from calendar_recurring where source = ?").bind(0, source).execute();
            var w = h.prepareBatch("insert into calendar_window (name, kind, starts_at, ends_at, source) values (?, ?, ?, ?, ?)");
            for (Window x : windows) {
                w.add(x.name(), x.kind().name().toLowerCase(java.util.Locale.ROOT), x.start().toEpochMilli(),
                        x.end().toEpochMilli(), source);
            }
            if (w.size() > 0) {
                w.execute();
            }
            var r = h.prepareBatch("insert into calendar_recurring (name, kind, cron, length_s, zone, source)"
                    + " values (?, ?, ?, ?, ?, ?)");
            for (RecurringWindow x : recurring) {
                r.add(x.name(), x.kind().name().toLowerCase(java.util.Locale.ROOT), x.cron(), x.length().getSeconds(),
                        x.zone().getId(), source);
            }
            if (r.size() > 0) {
                r.execute();
            }
        });
    }
}
