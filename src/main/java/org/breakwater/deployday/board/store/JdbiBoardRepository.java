package org.breakwater.deployday.board.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.breakwater.deployday.board.BoardRepository;
import org.breakwater.deployday.board.ChecklistStep;
import org.breakwater.deployday.board.Tick;
import org.jdbi.v3.core.Jdbi;

/** Checklist ticks in SQL, the same on SQLite and PostgreSQL: the primary key keeps the first tick of a step. */
public final class JdbiBoardRepository implements BoardRepository {
    private final Jdbi jdbi;

    public JdbiBoardRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean tick(Tick t) {
        try {
            return insert(t);
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            return false; // another instance ticked it between the check and the insert: its tick stands
        }
    }

    private boolean insert(Tick t) {
        return jdbi.inTransaction(h -> {
            boolean there = h.createQuery("select count(*) from checklist_tick where plan_id = ? and step = ?")
                    .bind(0, t.planId()).bind(1, t.step().id()).mapTo(Integer.class).one() > 0;
            if (there) {
                return false;
            }
            h.createUpdate("insert into checklist_tick (plan_id, step, by_user, at, note) values (?, ?, ?, ?, ?)")
                    .bind(0, t.planId()).bind(1, t.step().id()).bind(2, t.by()).bind(3, t.at().toEpochMilli())
                    .bind(4, t.note().orElse(null)).execute();
            return true;
        });
    }

    @Override
    public List<Tick> ticks(long planId) {
        return jdbi.withHandle(h -> h.createQuery("select plan_id, step, by_user, at, note from checklist_tick"
                        + " where plan_id = ? order by at, step").bind(0, planId)
                .map((rs, ctx) -> new Tick(rs.getLong("plan_id"), ChecklistStep.parse(rs.getString("step")).orElseThrow(),
                        rs.getString("by_user"), Instant.ofEpochMilli(rs.getLong("at")),
                        Optional.ofNullable(rs.getString("note")))).list());
    }
}
