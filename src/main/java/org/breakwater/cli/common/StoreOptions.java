package org.breakwater.cli.common;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.store.Database;
import org.breakwater.store.StoreException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where the store is: {@code --db URL} (or {@code BREAKWATER_DB_URL}) for PostgreSQL or a named
 * SQLite file, else {@code breakwater.db} in the data directory ({@code --data-dir},
 * {@code BREAKWATER_HOME}, else {@code $XDG_DATA_HOME/breakwater}, else
 * {@code ~/.local/share/breakwater}).
 *
 * <p>A command that only reads never creates a store: a mistyped {@code --data-dir} is an error,
 * not an empty store. A command marked {@link WritesStore} creates one, and says so on stderr.
 */
public final class StoreOptions {
    private static final String SQLITE = "jdbc:sqlite:";

    @Option(names = "--db", paramLabel = "URL",
            description = {"the database: jdbc:postgresql://HOST/DB?user=U&password=P, or jdbc:sqlite:FILE",
                "(default: $BREAKWATER_DB_URL, else breakwater.db in the data directory)"})
    String databaseUrl;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = {"where the SQLite file lives (default: $BREAKWATER_HOME, else",
                "$XDG_DATA_HOME/breakwater, else ~/.local/share/breakwater)"})
    Path dataDir;

    /** The command (or the option group) this is mixed into: tells reads from writes, and where stderr is. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private final java.util.List<App> opened = new java.util.ArrayList<>();

    /** Environment lookups go through here, so tests can set them. */
    private Map<String, String> environment = System.getenv();

    public void environment(Map<String, String> env) {
        this.environment = env;
    }

    public App.Settings settings() {
        Optional<String> url = Optional.ofNullable(databaseUrl).or(() -> env("BREAKWATER_DB_URL"));
        return new App.Settings(url, dataDir());
    }

    public Path dataDir() {
        if (dataDir != null) {
            return dataDir;
        }
        return env("BREAKWATER_HOME").map(Path::of)
                .or(() -> env("XDG_DATA_HOME").map(x -> Path.of(x, "breakwater")))
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".local", "share", "breakwater"));
    }

    private Optional<String> env(String name) {
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
    }

    /** What a command does with the store open. */
    public interface Body {
        int run(App app);
    }

    /**
     * Opens the store and runs {@code body}; a store that cannot be reached, is busy or sits on a
     * full disk is said in one line with exit 2 ({@link ErrorReporting}).
     */
    public int run(String command, PrintWriter err, Body body) {
        return ErrorReporting.guarded(command, err, () -> body.run(open(Clock.systemUTC())));
    }

    /** Opens the store; {@link #close()} (which {@code Main} calls when the command is done) closes it. */
    public App open(Clock clock) {
        App.Settings settings = settings();
        Optional<Path> fresh = sqliteFile(settings).filter(f -> !Files.exists(f));
        if (fresh.isPresent() && !writes()) {
            throw new StoreException("no store at " + fresh.get() + "; run `breakwater catalog import` or pass --data-dir");
        }
        App app = App.open(settings, clock);
        fresh.ifPresent(f -> err().println("breakwater: created a new store at " + f));
        opened.add(app);
        return app;
    }

    /** The SQLite file the settings name; empty for PostgreSQL and in-memory SQLite. */
    static Optional<Path> sqliteFile(App.Settings settings) {
        if (settings.databaseUrl().isEmpty()) {
            return Optional.of(settings.dataDir().resolve(Database.SQLITE_FILE));
        }
        String url = settings.databaseUrl().get();
        if (!url.startsWith(SQLITE) || url.contains(":memory:") || url.contains("mode=memory")) {
            return Optional.empty();
        }
        String file = url.substring(SQLITE.length()).split("\\?", 2)[0];
        return file.isEmpty() ? Optional.empty() : Optional.of(Path.of(file.startsWith("file:") ? file.substring(5) : file));
    }

    private boolean writes() {
        return mixee == null || mixee.commandLine() == null
                || mixee.commandLine().getCommand().getClass().isAnnotationPresent(WritesStore.class);
    }

    private PrintWriter err() {
        return mixee == null || mixee.commandLine() == null ? new PrintWriter(System.err, true) : mixee.commandLine().getErr();
    }

    /** Closes every store this command opened. */
    public void close() {
        opened.forEach(App::close);
        opened.clear();
    }
}
