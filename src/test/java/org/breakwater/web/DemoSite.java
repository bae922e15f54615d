package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.cli.Main;
import org.breakwater.policy.PolicyReader;

/**
 * The demo as {@code breakwater demo --no-serve} leaves it (catalog, history, plans, calendar,
 * accounts, access logs), served by a real server on a free port with {@code settings}.
 */
record DemoSite(App app, WebServer server) implements AutoCloseable {
    static DemoSite start(Path dir, WebSettings settings) {
        StringWriter err = new StringWriter();
        assertThat(Main.run(new String[] {"demo", "--no-serve", "--dir", dir.resolve("demo").toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))).as(err.toString()).isZero();
        App app = App.open(new App.Settings(Optional.empty(), dir.resolve("demo/store")), Clock.systemUTC());
        return new DemoSite(app, WebServer.start(app, PolicyReader.defaults(), app.access(), settings, "127.0.0.1", 0,
                new PrintWriter(new StringWriter())));
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.close();
        app.close();
    }
}
