package org.breakwater.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.breakwater.App;
import org.breakwater.cli.common.ErrorReporting;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.PolicyOption;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.policy.Policy;
import org.breakwater.policy.PolicyException;
import org.breakwater.web.WebServer;
import org.breakwater.web.WebSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code breakwater serve}: the web pages and the REST API over the store. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the web pages and the REST API over the store until Ctrl-C.",
            "",
            "Pages: / (dashboard), /services/NAME, /plans/ID, /plans/new, /calendar,",
            "/compare, /login. API under /api/v1 (described at /api/v1/openapi.json; writes",
            "need a token, see `breakwater token`), /healthz, /metrics (Prometheus). One log",
            "line per request on standard error. docs/api.md.",
            "",
            "Reading is open to anyone who reaches the server unless --read login; changing",
            "anything needs a login (accounts: `breakwater user`) or an API token.",
            "",
            "Examples:",
            "  breakwater serve",
            "  breakwater serve --bind 0.0.0.0 --port 8080 --db jdbc:postgresql://db/breakwater \\",
            "      --read login --secure-cookies"})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "the address to listen on (default: ${DEFAULT-VALUE}, this machine only)")
    String bind;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--read", paramLabel = "WHO", defaultValue = "${env:BREAKWATER_READ:-open}",
            description = "who may read: open (anyone who reaches the server) or login (default: ${DEFAULT-VALUE};"
                    + " $BREAKWATER_READ)")
    String read;

    @Option(names = "--secure-cookies", description = "mark cookies Secure: use when browsers reach the server over HTTPS")
    boolean secureCookies;

    @Mixin
    StoreOptions store;

    @Mixin
    PolicyOption policy;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("breakwater serve: --port must be between 0 and 65535");
            return ExitCode.INPUT_ERROR;
        }
        if (!read.equals("open") && !read.equals("login")) {
            err.println("breakwater serve: --read is open or login, not '" + read + "'");
            return ExitCode.INPUT_ERROR;
        }
        WebSettings settings = new WebSettings(read.equals("login"), secureCookies, java.util.Optional.empty());
        Policy p;
        try {
            p = policy.load();
        } catch (PolicyException e) {
            err.println("breakwater serve: the policy does not read: " + e.getMessage());
            return ExitCode.INPUT_ERROR;
        }
        return ErrorReporting.guarded("serve", err, () -> {
            App app = store.open(Clock.systemUTC());
            WebServer server;
            try {
                server = WebServer.start(app, p, app.access(), settings, bind, port, err);
            } catch (RuntimeException e) {
                err.println("breakwater serve: cannot listen on " + bind + ":" + port + ": " + e.getMessage());
                return ExitCode.INPUT_ERROR;
            }
            out.println("Breakwater serves http://" + bind + ":" + server.port() + "/ (store: " + app.database().url()
                    + "); Ctrl-C stops it");
            out.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }));
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                server.close();
            }
            return ExitCode.OK;
        });
    }
}
