package org.breakwater.deployday.incident.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.breakwater.deployday.incident.Incident;
import org.breakwater.deployday.incident.IncidentEvent;
import org.breakwater.deployday.incident.IncidentRepository;
import org.breakwater.deployday.incident.IncidentStatus;
import org.breakwater.deployday.incident.NewIncident;
import org.breakwater.deployday.incident.Severity;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Incidents in SQL, the same on SQLite and PostgreSQL; the detector's key is unique across instances. */
public final class JdbiIncidentRepository implements IncidentRepository {
    private static final String COLUMNS = "id, dedup_key, title, severity, status, service, consumer, operation, plan_id,"
            + " links, detail, opened_by, detected_at, recorded_at, assignee, acknowledged_at, acknowledged_by,"
            + " resolved_at, resolved_by, merged_into, first_failing_at";

    private final Jdbi jdbi;

    public JdbiIncidentRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Opened open(NewIncident n, Instant recordedAt) {
        if (n.key().isPresent()) {
            Optional<Incident> there = byKey(n.key().get());
            if (there.isPresent()) {
                return new Opened(there.get(), false);
            }
        }
        try {
            long id = jdbi.inTransaction(h -> insert(h, n, recordedAt));
            return new Opened(incident(id).orElseThrow(), true);
        } catch (UnableToExecuteStatementException e) {
            // another instance opened the same key between the look and the insert
            Optional<Incident> there = n.key().flatMap(this::byKey);
            if (there.isPresent()) {
                return new Opened(there.get(), false);
            }
            throw e;
        }
    }

    private static long insert(Handle h, NewIncident n, Instant at) {
        long id = h.createUpdate("insert into incident (dedup_key, title, severity, status, service, consumer,"
                        + " operation, plan_id, links, detail, opened_by, detected_at, recorded_at, first_failing_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(0, n.key().orElse(null)).bind(1, n.title()).bind(2, n.severity().id())
                .bind(3, IncidentStatus.OPEN.id()).bind(4, n.service()).bind(5, n.consumer().orElse(null))
                .bind(6, n.operation().orElse(null)).bind(7, n.planId().orElse(null))
                .bind(8, String.join("\n", n.links())).bind(9, n.detail().orElse(null)).bind(10, n.openedBy())
                .bind(11, n.detectedAt().toEpochMilli()).bind(12, at.toEpochMilli())
                .bind(13, n.firstFailingAt().map(Instant::toEpochMilli).orElse(null))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        event(h, new IncidentEvent(id, at, n.openedBy(), "opened", Optional.of(n.title())));
        return id;
    }

    private static void event(Handle h, IncidentEvent e) {
        h.createUpdate("insert into incident_event (incident_id, at, by_whom, action, detail) values (?, ?, ?, ?, ?)")
                .bind(0, e.incidentId()).bind(1, e.at().toEpochMilli()).bind(2, e.by()).bind(3, e.action())
                .bind(4, e.detail().orElse(null)).execute();
    }

    @Override
    public Optional<Incident> incident(long id) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from incident where id = ?").bind(0, id)
                .map((rs, ctx) -> incident(rs)).findOne());
    }

    @Override
    public Optional<Incident> byKey(String key) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from incident where dedup_key = ?")
                .bind(0, key).map((rs, ctx) -> incident(rs)).findOne());
    }

    @Override
    public List<Incident> list(Filter f, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from incident where 1 = 1");
        List<Object> args = new ArrayList<>();
        f.status().ifPresent(s -> {
            sql.append(" and status = ?");
            args.add(s.id());
        });
        if (f.activeOnly()) {
            sql.append(" and status in ('open', 'acknowledged')");
        }
        f.service().ifPresent(s -> {
            sql.append(" and service = ?");
            args.add(s);
        });
        f.planId().ifPresent(p -> {
            sql.append(" and plan_id = ?");
            args.add(p);
        });
        sql.append(" order by id desc limit ").append(Math.max(1, limit));
        return jdbi.withHandle(h -> {
            var q = h.createQuery(sql.toString());
            for (int i = 0; i < args.size(); i++) {
                q.bind(i, args.get(i));
            }
            return q.map((rs, ctx) -> incident(rs)).list();
        });
    }

    @Override
    public boolean update(Incident c, IncidentStatus expected, IncidentEvent e) {
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("update incident set severity = ?, status = ?, links = ?, assignee = ?,"
                            + " acknowledged_at = ?, acknowledged_by = ?, resolved_at = ?, resolved_by = ?, merged_into = ?,"
                            + " detected_at = ?, first_failing_at = ? where id = ? and status = ?")
                    .bind(0, c.severity().id()).bind(1, c.status().id()).bind(2, String.join("\n", c.links()))
                    .bind(3, c.assignee().orElse(null)).bind(4, c.acknowledgedAt().map(Instant::toEpochMilli).orElse(null))
                    .bind(5, c.acknowledgedBy().orElse(null)).bind(6, c.resolvedAt().map(Instant::toEpochMilli).orElse(null))
                    .bind(7, c.resolvedBy().orElse(null)).bind(8, c.mergedInto().orElse(null))
                    .bind(9, c.detectedAt().toEpochMilli()).bind(10, c.firstFailingAt().map(Instant::toEpochMilli)
                            .orElse(null)).bind(11, c.id()).bind(12, expected.id()).execute();
            if (n == 0) {
                return false;
            }
            event(h, e);
            return true;
        });
    }

    @Override
    public List<IncidentEvent> events(long incidentId) {
        return jdbi.withHandle(h -> h.createQuery("select incident_id, at, by_whom, action, detail from incident_event"
                        + " where incident_id = ? order by id").bind(0, incidentId)
                .map((rs, ctx) -> new IncidentEvent(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                        rs.getString(4), Optional.ofNullable(rs.getString(5)))).list());
    }

    private static Incident incident(ResultSet rs) throws SQLException {
        String links = rs.getString("links");
        return new Incident(rs.getLong("id"), text(rs, "dedup_key"), rs.getString("title"),
                Severity.parse(rs.getString("severity")).orElse(Severity.MAJOR),
                IncidentStatus.parse(rs.getString("status")).orElse(IncidentStatus.OPEN), rs.getString("service"),
                text(rs, "consumer"), text(rs, "operation"), number(rs, "plan_id"),
                links.isEmpty() ? List.of() : Arrays.asList(links.split("\n")), text(rs, "detail"),
                rs.getString("opened_by"), Instant.ofEpochMilli(rs.getLong("detected_at")),
                Instant.ofEpochMilli(rs.getLong("recorded_at")), text(rs, "assignee"), time(rs, "acknowledged_at"),
                text(rs, "acknowledged_by"), time(rs, "resolved_at"), text(rs, "resolved_by"), number(rs, "merged_into"),
                time(rs, "first_failing_at"));
    }

    private static Optional<String> text(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    private static Optional<Long> number(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(v);
    }

    private static Optional<Instant> time(ResultSet rs, String column) throws SQLException {
        return number(rs, column).map(Instant::ofEpochMilli);
    }
}
