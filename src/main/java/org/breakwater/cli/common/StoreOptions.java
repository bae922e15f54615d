package org.breakwater.cli.common;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.breakwater.App;
import picocli.CommandLine.Option;

/**
 * Where the store is: {@code --db URL} (or {@code BREAKWATER_DB_URL}) for PostgreSQL or a named
 * SQLite file, else {@code breakwater.db} in the data directory ({@code --data-dir},
 * {@code BREAKWATER_HOME}, else {@code $XDG_DATA_HOME/breakwater}, else
 * {@code ~/.local/share/breakwater}).
 */
public final class StoreOptions {
    @Option(names = "--db", paramLabel = "URL",
            description = {"the database: jdbc:postgresql://HOST/DB?user=U&password=P, or jdbc:sqlite:FILE",
                "(default: $BREAKWATER_DB_URL, else breakwater.db in the data directory)"})
    String databaseUrl;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = {"where the SQLite file lives (default: $BREAKWATER_HOME, else",
                "$XDG_DATA_HOME/breakwater, else ~/.local/share/breakwater)"})
    Path dataDir;

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

    /** Opens the store; {@link #close()} (which {@code Main} calls when the command is done) closes it. */
    public App open(Clock clock) {
        App app = App.open(settings(), clock);
        opened.add(app);
        return app;
    }

    /** Closes every store this command opened. */
    public void close() {
        opened.forEach(App::close);
        opened.clear();
    }
}
