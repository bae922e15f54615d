package org.breakwater.instances;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.breakwater.App;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.catalog.CatalogValidator;
import org.breakwater.catalog.files.CatalogFolderReader;
import org.breakwater.store.TestDatabases;

/**
 * Two real {@code serve} processes on one embedded PostgreSQL database, as behind a load
 * balancer, each reaching one GreenMail SMTP server through a {@link StallingProxy}; and an
 * {@link App} of the test's own on the same database, to set things up and look. The instances log
 * as in production (info, {@code src/main/resources/logback.xml}) into a file each. Waits are for
 * conditions (bounded), never for a time.
 */
final class TwoServes implements AutoCloseable {
    static final String FROM = "breakwater@example.org";
    static final Path CATALOG = Path.of("src/main/resources/demo/catalog");
    static final String MAIL_PENDING = "select count(*) from outbox where channel = 'mail' and state = 'pending'";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(60)).build();

    final Path dir;
    final String url;
    final App app;
    final GreenMail smtp;
    final StallingProxy proxyA;
    final StallingProxy proxyB;
    Instance a;
    Instance b;

    /** One serve process, its smtp server reached through its proxy. */
    record Instance(String name, Process process, Path out, Path log) {
        int port() throws Exception {
            Pattern serves = Pattern.compile("serves http://127\\.0\\.0\\.1:(\\d+)/");
            for (int i = 0; i < 1800 && process.isAlive(); i++) {
                Matcher m = serves.matcher(Files.readString(out));
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException(name + " did not start: " + Files.readString(log));
        }

        URI uri(String path) throws Exception {
            return URI.create("http://127.0.0.1:" + port() + path);
        }
    }

    /** A new database with the demo catalog, the SMTP server and the proxies; no serve yet ({@link #start}). */
    TwoServes(Path dir) throws Exception {
        this.dir = dir;
        this.url = TestDatabases.newPostgresUrl();
        this.app = App.open(new App.Settings(Optional.of(url), dir.resolve("unused")), Clock.systemUTC());
        app.catalog().importCatalog(CatalogValidator.check(new CatalogFolderReader(ReadLimits.defaults()).read(CATALOG)));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        proxyA = new StallingProxy(port);
        proxyB = new StallingProxy(port);
    }

    /** Starts both instances with serve's {@code extra} options, and waits until both listen. */
    TwoServes start(String... extra) throws Exception {
        a = serve("a", proxyA, extra);
        b = serve("b", proxyB, extra);
        a.port();
        b.port();
        return this;
    }

    private Instance serve(String name, StallingProxy proxy, String... extra) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path out = dir.resolve(name + ".out");
        Path log = dir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx256m", "-Dlogback.configurationFile="
                + Path.of("src/main/resources/logback.xml").toAbsolutePath(), "-cp",
                System.getProperty("java.class.path"), "org.breakwater.cli.Main", "serve", "--port", "0", "--db", url,
                "--data-dir", dir.resolve(name).toString(), "--smtp-host", "127.0.0.1", "--smtp-port",
                Integer.toString(proxy.port()), "--smtp-security", "none", "--from", FROM, "--outbox-every", "1s"));
        command.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("BREAKWATER_"));
        return new Instance(name, pb.start(), out, log);
    }

    @Override
    public void close() throws Exception {
        for (Instance i : new Instance[] {a, b}) {
            if (i != null) {
                i.process().destroy();
                i.process().waitFor();
            }
        }
        proxyA.close();
        proxyB.close();
        smtp.stop();
        app.close();
    }

    /** Waits (at most two minutes) until {@code done}; fails with both instances' logs otherwise. */
    void await(String what, BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            if (done.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("never happened: " + what + "\n" + state() + logs());
    }

    /** The outbox and the incidents as they are, for a failure's message. */
    String state() {
        return outbox() + app.database().jdbi().withHandle(h -> h.createQuery("select id, dedup_key, title from incident"
                + " order by id").map((rs, ctx) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + "\n")
                .list()).stream().collect(java.util.stream.Collectors.joining("", "== incidents\n", ""));
    }

    private String outbox() {
        return app.database().jdbi().withHandle(h -> h.createQuery("select channel, state, attempts, subject, last_error"
                + " from outbox order by id").map((rs, ctx) -> rs.getString(1) + " " + rs.getString(2) + " "
                + rs.getLong(3) + " " + rs.getString(4) + " " + rs.getString(5) + "\n").list()).stream()
                .collect(java.util.stream.Collectors.joining("", "== outbox\n", ""));
    }

    /** The instances' logs, for a failure's message. */
    String logs() {
        StringBuilder text = new StringBuilder();
        for (Instance i : new Instance[] {a, b}) {
            try {
                text.append("== ").append(i.name()).append(" (alive: ").append(i.process().isAlive()).append(")\n")
                        .append(Files.readString(i.log()));
            } catch (java.io.IOException e) {
                text.append(e);
            }
        }
        return text.toString();
    }

    /** Both instances' logs, one string per instance. */
    List<String> logLines() throws Exception {
        return List.of(Files.readString(a.log()), Files.readString(b.log()));
    }

    static HttpResponse<String> get(Instance i, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(i.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST of JSON with the API token {@code token}. */
    static HttpResponse<String> post(Instance i, String path, String token, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(i.uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    long count(String sql) {
        return app.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /** The mails the SMTP server received whose subject contains {@code text}. */
    List<MimeMessage> received(String text) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject() != null && m.getSubject().contains(text)) {
                found.add(m);
            }
        }
        return found;
    }

    /** Every mail in the outbox reached the server exactly once per recipient: copies by Message-ID as the outbox says. */
    void eachOncePerRecipient() throws Exception {
        Map<String, Long> copies = new TreeMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            copies.merge(m.getMessageID(), 1L, Long::sum);
        }
        Map<String, Long> expected = new TreeMap<>();
        app.database().jdbi().useHandle(h -> h.createQuery("select message_id, destination from outbox where channel = 'mail'")
                .map((rs, ctx) -> Map.entry(rs.getString(1), (long) rs.getString(2).split(",").length)).list()
                .forEach(e -> expected.put(e.getKey(), e.getValue())));
        assertThat(copies).isEqualTo(expected);
    }
}
