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
import org.breakwater.announce.Courier;
import org.breakwater.announce.TemplateException;
import org.breakwater.announce.cli.AnnounceOptions;
import org.breakwater.announce.cli.MailOptions;
import org.breakwater.announce.cli.BusOptions;
import org.breakwater.announce.bus.BusCourier;
import org.breakwater.announce.mail.FolderCourier;
import org.breakwater.announce.mail.SmtpCourier;
import org.breakwater.auth.oidc.OidcSettings;
import java.net.URI;
import java.net.URISyntaxException;
import org.breakwater.cli.common.WritesStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code breakwater serve}: the web pages and the REST API over the store. */
@WritesStore
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the web pages and the REST API over the store until Ctrl-C.",
            "",
            "Pages: / (dashboard), /services/NAME, /plans/ID, /plans/new, /calendar,",
            "/compare, /login. API under /api/v1 (described at /api/v1/openapi.json; writes",
            "need a token, see `breakwater token`), /healthz, /metrics (Prometheus). One log",
            "line per request on standard error, secrets masked (--log-format json: JSON",
            "lines); docs/operations.md.",
            "",
            "Reading is open to anyone who reaches the server unless --read login; changing",
            "anything needs a login (accounts: `breakwater user`; or single sign-on with",
            "--oidc-issuer) or an API token. With --smtp-host (or --mail-dry-run DIR) the",
            "server delivers sent announcements every 10 seconds, and with --bus-url it",
            "publishes plan and announcement events to the message bus.",
            "",
            "Settings may come from a file (--config; packaging/breakwater.yaml.sample): an option",
            "given, or its environment variable, wins over the file.",
            "",
            "Examples:",
            "  breakwater serve",
            "  breakwater serve --config /etc/breakwater/breakwater.yaml",
            "  breakwater serve --bind 0.0.0.0 --port 8080 --db jdbc:postgresql://db/breakwater \\",
            "      --read login --secure-cookies",
            "  BREAKWATER_OIDC_CLIENT_SECRET=... breakwater serve --public-url https://bw.example.org \\",
            "      --oidc-issuer https://id.example.org --oidc-groups-claim groups \\",
            "      --oidc-admin-group sysadmin-main --oidc-team-group sysadmin-web=infrastructure"})
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

    @Option(names = "--oidc-issuer", paramLabel = "URL",
            description = "also log people in through this OpenID Connect provider (its issuer URL);"
                    + " the client secret comes from $BREAKWATER_OIDC_CLIENT_SECRET")
    String oidcIssuer;

    @Option(names = "--oidc-client-id", paramLabel = "ID", defaultValue = "breakwater",
            description = "Breakwater's client id at the provider (default: ${DEFAULT-VALUE})")
    String oidcClientId;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "the address browsers use to reach this server, e.g. https://breakwater.example.org:"
                    + " Atom feeds link to it and forms must come from it (the provider sends people back to"
                    + " URL/login/oidc/callback, default http://BIND:PORT; without it feed links are relative)")
    String publicUrl;

    @Option(names = "--trusted-proxy", paramLabel = "CIDR",
            description = "a reverse proxy (address or block, e.g. 10.0.0.0/8) whose X-Forwarded-For names the"
                    + " client, for login throttling (repeat; without it the header is ignored)")
    java.util.List<String> trustedProxies = new java.util.ArrayList<>();

    @Option(names = "--oidc-groups-claim", paramLabel = "CLAIM",
            description = "the ID token claim listing the user's groups, to give roles (without it: viewer,"
                    + " unless a local account of the same name says otherwise)")
    String oidcGroupsClaim;

    @Option(names = "--oidc-admin-group", paramLabel = "GROUP", description = "members are admins")
    String oidcAdminGroup;

    @Option(names = "--oidc-team-group", paramLabel = "GROUP=TEAM",
            description = "members own TEAM's services (repeat)")
    java.util.LinkedHashMap<String, String> oidcTeamGroups = new java.util.LinkedHashMap<>();

    @Mixin
    AnnounceOptions.Writing writing;

    @Mixin
    MailOptions mail;

    @Mixin
    BusOptions bus;

    @Option(names = "--mail-dry-run", paramLabel = "DIR",
            description = "deliver sent announcements into DIR as .eml files instead of mailing them")
    java.nio.file.Path mailDryRun;

    @Option(names = "--log-level", paramLabel = "LEVEL",
            description = "the level of Breakwater's own log lines: trace, debug, info, warn, error or off"
                    + " (default: the configuration's, info; libraries stay at warn; $BREAKWATER_LOG_CONFIG names"
                    + " a Logback file for more)")
    String logLevel;

    @Option(names = "--log-format", paramLabel = "FORMAT",
            description = "text (a line of key=value per request) or json (a JSON object per line);"
                    + " default: the configuration's, text")
    String logFormat;

    @Mixin
    StoreOptions store;

    @Option(names = "--config", paramLabel = "FILE",
            description = "read the settings from FILE (packaging/breakwater.yaml.sample; docs/operations.md): an option"
                    + " or its environment variable, when given, wins over the file")
    java.nio.file.Path config;

    @Option(names = "--outbox-every", paramLabel = "DURATION", converter = ServeConfigApply.Every.class,
            description = "how often the outbox is delivered: 10s, 1m... (default: 10s)")
    java.time.Duration outboxEvery = WebSettings.Mail.EVERY;

    @Mixin
    org.breakwater.staging.cli.SecretsOptions secrets;

    @Mixin
    PolicyOption policy;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ServeConfig file;
        try {
            file = config == null ? ServeConfig.none() : ServeConfig.read(config, System.getenv());
        } catch (ServeConfig.ConfigException e) {
            e.problems().forEach(p -> err.println("breakwater serve: " + p));
            return ExitCode.INPUT_ERROR;
        }
        ServeConfigApply.apply(file, spec, System.getenv());
        mail.passwordElsewhere(file.secret(ServeConfig.Secret.SMTP_PASSWORD));
        if (port < 0 || port > 65535) {
            err.println("breakwater serve: --port must be between 0 and 65535");
            return ExitCode.INPUT_ERROR;
        }
        if (!read.equals("open") && !read.equals("login")) {
            err.println("breakwater serve: --read is open or login, not '" + read + "'");
            return ExitCode.INPUT_ERROR;
        }
        oidcSecretElsewhere = file.secret(ServeConfig.Secret.OIDC_CLIENT_SECRET);
        java.util.Optional<OidcSettings> oidc;
        try {
            oidc = oidc();
        } catch (IllegalArgumentException e) {
            err.println("breakwater serve: " + e.getMessage());
            return ExitCode.INPUT_ERROR;
        }
        WebSettings.Mail mailing;
        try {
            mailing = mailing();
        } catch (IllegalArgumentException e) {
            err.println("breakwater serve: " + e.getMessage());
            return ExitCode.INPUT_ERROR;
        } catch (TemplateException e) {
            err.println("breakwater serve: a template does not read: " + e.getMessage());
            return ExitCode.INPUT_ERROR;
        }
        org.breakwater.web.Network network;
        try {
            org.breakwater.logs.LogSettings.check(java.util.Optional.ofNullable(logLevel),
                    java.util.Optional.ofNullable(logFormat));
            network = network();
        } catch (IllegalArgumentException e) {
            err.println("breakwater serve: " + e.getMessage());
            return ExitCode.INPUT_ERROR;
        }
        WebSettings settings = new WebSettings(read.equals("login"), secureCookies, java.util.Optional.empty(), oidc,
                mailing).with(network);
        Policy p;
        try {
            p = policy.load();
        } catch (PolicyException e) {
            err.println("breakwater serve: the policy does not read: " + e.getMessage());
            return ExitCode.INPUT_ERROR;
        }
        org.breakwater.logs.LogSettings.apply(java.util.Optional.ofNullable(logLevel),
                java.util.Optional.ofNullable(logFormat));
        return ErrorReporting.guarded("serve", err, () -> {
            App app = store.open(Clock.systemUTC());
            WebServer server;
            try {
                server = WebServer.start(app, p, app.access(), settings, bind, port);
            } catch (RuntimeException e) {
                err.println("breakwater serve: cannot listen on " + bind + ":" + port + ": " + e.getMessage());
                return ExitCode.INPUT_ERROR;
            }
            out.println("Breakwater serves http://" + bind + ":" + server.port() + "/ (store: " + app.database().url()
                    + "); Ctrl-C stops it");
            out.flush();
            org.breakwater.staging.schedule.ScheduleJob suites = org.breakwater.staging.schedule.ScheduleJob.start(app,
                    secrets.box());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                suites.close();
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

    /** The public URL and the trusted proxies the options give; a bad one says what is wrong. */
    private org.breakwater.web.Network network() {
        java.util.List<org.breakwater.traffic.Cidr> proxies = new java.util.ArrayList<>();
        for (String p : trustedProxies) {
            proxies.add(org.breakwater.traffic.Cidr.parse(p).orElseThrow(() -> new IllegalArgumentException(
                    "--trusted-proxy is an IP address or block such as 10.0.0.0/8, not '" + p + "'")));
        }
        return new org.breakwater.web.Network(java.util.Optional.ofNullable(publicUrl)
                .map(org.breakwater.web.Network::publicUrl), proxies);
    }

    private java.util.Optional<String> oidcSecretElsewhere = java.util.Optional.empty();

    /** The OpenID settings the options give, if any; a bad combination says what is wrong. */
    private java.util.Optional<OidcSettings> oidc() {
        if (oidcIssuer == null) {
            if (oidcGroupsClaim != null || oidcAdminGroup != null || !oidcTeamGroups.isEmpty()) {
                throw new IllegalArgumentException("the --oidc-* options need --oidc-issuer");
            }
            return java.util.Optional.empty();
        }
        String secret = java.util.Optional.ofNullable(System.getenv("BREAKWATER_OIDC_CLIENT_SECRET"))
                .filter(v -> !v.isBlank()).or(() -> oidcSecretElsewhere).orElse(null);
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("--oidc-issuer needs the client secret in $BREAKWATER_OIDC_CLIENT_SECRET"
                    + " or the configuration's oidc.clientSecret (never on the command line)");
        }
        URI issuer;
        URI base;
        try {
            issuer = new URI(oidcIssuer);
            base = new URI(publicUrl != null ? publicUrl.replaceAll("/+$", "") : "http://" + bind + ":" + port);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getInput());
        }
        OidcSettings s = OidcSettings.of(issuer, oidcClientId, secret, base.resolve("/login/oidc/callback"));
        if (oidcGroupsClaim != null) {
            s = s.withGroups(oidcGroupsClaim, java.util.Optional.ofNullable(oidcAdminGroup), oidcTeamGroups);
        } else if (oidcAdminGroup != null || !oidcTeamGroups.isEmpty()) {
            throw new IllegalArgumentException("--oidc-admin-group and --oidc-team-group need --oidc-groups-claim");
        }
        return java.util.Optional.of(s);
    }

    /** The templates, the sender, and where sent announcements go (SMTP, a folder, or nowhere yet). */
    private WebSettings.Mail mailing() throws TemplateException {
        String from = writing.sender();
        java.util.Optional<Courier> courier;
        if (mailDryRun != null) {
            courier = java.util.Optional.of(new FolderCourier(mailDryRun, from));
        } else {
            courier = mail.settings(from).map(SmtpCourier::new);
            if (courier.isPresent() && writing.senderProblem().isPresent()) {
                throw new IllegalArgumentException(writing.senderProblem().get());
            }
        }
        return new WebSettings.Mail(writing.templates(), from, courier, bus.settings().map(BusCourier::new), outboxEvery);
    }
}
