package org.breakwater.traffic.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The numbers of the names traffic rows refer to (table traffic_name: services, environments,
 * callers, operations), found or made within one transaction (decision 0030). Names are looked
 * up a slice at a time; the missing ones are made in sorted order, so on a fresh store the rows
 * of a sorted ingest are also in the order of their numbers. On PostgreSQL the names looked up
 * are locked against a concurrent {@code prune} (which forgets names no row refers to) until
 * the transaction ends. For one handle, one transaction.
 */
final class TrafficNames {
    private static final int SLICE = 500;
    /** The start of a subquery for a name's number: append the parameter and a closing parenthesis. */
    static final String ID_OF = "(select id from traffic_name where name = ";

    private final Handle h;
    private final boolean lock;
    private final Map<String, Long> ids = new HashMap<>();

    TrafficNames(Handle h) {
        this.h = h;
        this.lock = !isSqlite(h);
    }

    /** Finds or makes the numbers of the names each of {@code rows} has, by {@code of}. */
    @SafeVarargs
    final <T> void need(Collection<T> rows, java.util.function.Function<T, String>... of) {
        java.util.Set<String> all = new java.util.HashSet<>();
        for (T row : rows) {
            for (java.util.function.Function<T, String> name : of) {
                all.add(name.apply(row));
            }
        }
        need(all);
    }

    /** Finds or makes the numbers of {@code names}. */
    void need(Collection<String> names) {
        TreeSet<String> missing = new TreeSet<>();
        for (String n : names) {
            if (!ids.containsKey(n)) {
                missing.add(n);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        List<String> sorted = new ArrayList<>(missing);
        find(sorted);
        List<String> make = new ArrayList<>();
        for (String n : sorted) {
            if (!ids.containsKey(n)) {
                make.add(n);
            }
        }
        if (make.isEmpty()) {
            return;
        }
        try (JdbcRows insert = new JdbcRows(h, "insert into traffic_name (name) values (?) on conflict (name) do nothing")) {
            make.forEach(n -> insert.add(n, (st, name) -> st.setString(1, name)));
        }
        find(make); // another writer may have made some first: theirs are the numbers
        for (String n : make) {
            if (!ids.containsKey(n)) {
                throw new IllegalStateException("traffic name not stored: " + n);
            }
        }
    }

    /** The number of {@code name}, found or made. */
    long id(String name) {
        Long id = ids.get(name);
        if (id == null) {
            need(List.of(name));
            id = ids.get(name);
        }
        return id;
    }

    private void find(List<String> names) {
        for (int from = 0; from < names.size(); from += SLICE) {
            List<String> slice = names.subList(from, Math.min(names.size(), from + SLICE));
            StringBuilder sql = new StringBuilder("select id, name from traffic_name where name in (");
            for (int i = 0; i < slice.size(); i++) {
                sql.append(i == 0 ? "?" : ", ?");
            }
            sql.append(lock ? ") for share" : ")");
            try (PreparedStatement st = h.getConnection().prepareStatement(sql.toString())) {
                for (int i = 0; i < slice.size(); i++) {
                    st.setString(i + 1, slice.get(i));
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        ids.put(rs.getString(2), rs.getLong(1));
                    }
                }
            } catch (SQLException e) {
                throw new UnableToExecuteStatementException(e, null);
            }
        }
    }

    private static boolean isSqlite(Handle h) {
        try {
            return org.breakwater.store.Dialect.of(h.getConnection().getMetaData().getURL())
                    == org.breakwater.store.Dialect.SQLITE;
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /** Forgets the names no traffic row refers to (after a prune); how many went. */
    static int forgetUnused(Handle h) {
        return h.createUpdate("delete from traffic_name where id not in ("
                + " select service_id from traffic_calls union select environment_id from traffic_calls"
                + " union select caller_id from traffic_calls union select operation_id from traffic_calls"
                + " union select service_id from traffic_status_calls union select environment_id from traffic_status_calls"
                + " union select caller_id from traffic_status_calls union select operation_id from traffic_status_calls"
                + " union select service_id from traffic_targets union select environment_id from traffic_targets"
                + " union select caller_id from traffic_targets union select operation_id from traffic_targets)").execute();
    }

    /** The names of the rows, joined in: {@code alias}'s four ids as s, e, c and o. */
    static String joins(String alias) {
        return " join traffic_name s on s.id = " + alias + ".service_id join traffic_name e on e.id = " + alias
                + ".environment_id join traffic_name c on c.id = " + alias + ".caller_id join traffic_name o on o.id = "
                + alias + ".operation_id";
    }
}
