package org.breakwater.instances;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.breakwater.App;
import org.breakwater.announce.Announcement;
import org.breakwater.announce.AnnounceService;
import org.breakwater.announce.Kind;
import org.breakwater.announce.Templates;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Role;
import org.breakwater.catalog.CatalogValidator;
import org.breakwater.catalog.NewDeployment;
import org.breakwater.catalog.Outcome;
import org.breakwater.catalog.files.ApiFiles;
import org.breakwater.catalog.files.CatalogFolderReader;
import org.breakwater.plan.NewPlan;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanStatus;
import org.breakwater.policy.PolicyReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real {@code serve} processes on one embedded PostgreSQL database ({@link TwoServes}), as behind a load
 * balancer: writes through both, the outbox delivered once to a real SMTP server (also when an
 * instance dies mid-delivery), scheduled reminders queued once, caches following the other
 * instance's changes, sessions and the login throttle shared. Waits are for conditions (bounded),
 * never for a time.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest {
    static final String FROM = TwoServes.FROM;
    static final String PASSWORD = "correct horse battery";
    static final String MAIL_PENDING = TwoServes.MAIL_PENDING;
    static final HttpClient HTTP = TwoServes.HTTP;
    static final Path CATALOG = TwoServes.CATALOG;

    @TempDir
    static Path dir;
    static TwoServes pair;
    static App app;
    static GreenMail smtp;
    static StallingProxy proxyA;
    static StallingProxy proxyB;
    static TwoServes.Instance a;
    static TwoServes.Instance b;
    static String token;
    static long planId;

    @BeforeAll
    static void start() throws Exception {
        pair = new TwoServes(dir);
        app = pair.app;
        smtp = pair.smtp;
        proxyA = pair.proxyA;
        proxyB = pair.proxyB;
        Instant now = Instant.now();
        Path apis = CATALOG.resolve("apis/pkgdb");
        app.catalog().recordDeployment(new NewDeployment("pkgdb", "1.9.2", "production", now.minus(Duration.ofDays(30)),
                "pingou", Optional.empty()), Optional.of(ApiFiles.read(apis.resolve("v1/pkgdb.yaml"), ReadLimits.defaults())
                .description()));
        app.catalog().recordDeployment(new NewDeployment("pkgdb", "2.0.0", "staging", now.minus(Duration.ofDays(3)),
                "pingou", Optional.empty()), Optional.of(ApiFiles.read(apis.resolve("v2/openapi.yaml"), ReadLimits.defaults())
                .description()));
        planId = ((Outcome.Done<Plan>) app.plans(PolicyReader.defaults()).create(new NewPlan("pkgdb2",
                Map.of("pkgdb", "2.0.0"), Map.of(), "production", now.plus(Duration.ofDays(2)), Duration.ofHours(4),
                "pingou", Optional.empty(), PlanStatus.SCHEDULED))).value().id();
        app.access().saveAccount(new Principal("victim", Role.VIEWER, Optional.empty()), Optional.of(PASSWORD), "test");
        token = app.access().issue("two-instances", new Principal("ci-bot", Role.ADMIN, Optional.empty())).secret();
        pair.start();
        a = pair.a;
        b = pair.b;
    }

    @AfterAll
    static void stop() throws Exception {
        if (pair != null) {
            pair.close();
        }
    }

    static void await(String what, BooleanSupplier done) throws InterruptedException {
        pair.await(what, done);
    }

    static HttpResponse<String> get(TwoServes.Instance i, String path) throws Exception {
        return TwoServes.get(i, path);
    }

    static long count(String sql) {
        return pair.count(sql);
    }

    @Test
    @Order(1)
    void writes_through_both_instances_at_once_are_all_kept() throws Exception {
        long before = count("select count(*) from deployment");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            TwoServes.Instance to = n % 2 == 0 ? a : b;
            String body = "{\"service\": \"pkgdb\", \"version\": \"2.0." + (n + 1) + "\", \"environment\": \"staging\"}";
            Callable<Integer> post = () -> HTTP.send(HttpRequest.newBuilder(to.uri("/api/v1/deployments"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
            answers.add(pool.submit(post));
        }
        for (Future<Integer> f : answers) {
            assertThat(f.get()).isEqualTo(201);
        }
        pool.shutdown();
        assertThat(count("select count(*) from deployment") - before).isEqualTo(20);
        assertThat(count("select count(distinct version) from deployment where service = 'pkgdb' and version like '2.0.%'"))
                .isEqualTo(21);
    }

    @Test
    @Order(2)
    void a_catalog_change_made_elsewhere_shows_on_both_instances() throws Exception {
        assertThat(get(a, "/api/v1/services/ask").body()).contains("Ask Fedora (askbot)");
        assertThat(get(b, "/api/v1/services/ask").body()).contains("Ask Fedora (askbot)");
        Path changed = dir.resolve("catalog");
        try (var files = Files.walk(CATALOG)) {
            for (Path f : files.toList()) {
                Path to = changed.resolve(CATALOG.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        Path leaf = changed.resolve("services-leaf.yaml");
        Files.writeString(leaf, Files.readString(leaf).replace("Ask Fedora (askbot)", "Ask Fedora, renamed elsewhere"));
        app.catalog().importCatalog(CatalogValidator.check(new CatalogFolderReader(ReadLimits.defaults()).read(changed)));
        assertThat(get(a, "/api/v1/services/ask").body()).contains("Ask Fedora, renamed elsewhere");
        assertThat(get(b, "/api/v1/services/ask").body()).contains("Ask Fedora, renamed elsewhere");
    }

    @Test
    @Order(3)
    void failed_logins_count_across_both_instances_and_a_session_works_on_either() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        for (int n = 0; n < 5; n++) {
            assertThat(login(browser, n % 2 == 0 ? a : b, "victim", "guess " + n).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = login(browser, b, "victim", PASSWORD);
        assertThat(locked.statusCode()).as("the sixth attempt, the first on b after 3 on a").isEqualTo(429);
        assertThat(login(browser, a, "victim", PASSWORD).statusCode()).isEqualTo(429);

        app.access().saveAccount(new Principal("pingou", Role.ADMIN, Optional.empty()), Optional.of(PASSWORD), "test");
        HttpClient other = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        assertThat(login(other, a, "pingou", PASSWORD).statusCode()).isEqualTo(303);
        String onB = other.send(HttpRequest.newBuilder(b.uri("/")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(onB).as("the session made on a is known on b").contains("pingou").doesNotContain("href=\"/login\"");
    }

    static HttpResponse<String> login(HttpClient browser, TwoServes.Instance i, String user, String password) throws Exception {
        String page = browser.send(HttpRequest.newBuilder(i.uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        String body = Map.of("csrf", m.group(1), "username", user, "password", password).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(i.uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(4)
    void every_announcement_and_the_due_reminder_reach_the_smtp_server_once() throws Exception {
        AnnounceService s = app.announcements(PolicyReader.defaults(), Templates.defaults(), FROM);
        List<Announcement> notes = ((Outcome.Done<List<Announcement>>) s.draft(planId, Kind.CONSUMER_NOTICE,
                Optional.empty(), Optional.empty(), "pingou")).value();
        assertThat(notes).hasSizeGreaterThan(3);
        for (Announcement n : notes) {
            assertThat(s.send(n.id(), "pingou")).isInstanceOf(Outcome.Done.class);
        }
        // the plan starts in two days: the 3-day reminder is due now, and both instances' rounds look for it
        assertThat(s.approveReminders(planId, "pingou")).isInstanceOf(Outcome.Done.class);
        // (bus events wait in the outbox too: these instances have no bus to deliver them to)
        await("every mail sent, the reminder's too", () -> count(MAIL_PENDING) == 0 && s.list(Optional.of(planId))
                .stream().anyMatch(x -> x.kind() == Kind.REMINDER && x.status() == Announcement.Status.SENT));
        pair.eachOncePerRecipient();
        assertThat(s.list(Optional.of(planId))).filteredOn(x -> x.kind() == Kind.REMINDER).hasSize(1);
        assertThat(count("select max(attempts) from outbox where channel = 'mail'")).isEqualTo(1);
    }

    @Test
    @Order(5)
    void an_instance_killed_mid_delivery_leaves_the_mail_to_the_other_which_sends_it_once() throws Exception {
        int before = smtp.getReceivedMessages().length;
        proxyA.stalled.set(true);
        proxyB.stalled.set(true);
        AnnounceService s = app.announcements(PolicyReader.defaults(), Templates.defaults(), FROM);
        Announcement outage = ((Outcome.Done<List<Announcement>>) s.draft(planId, Kind.OUTAGE_NOTICE, Optional.empty(),
                Optional.empty(), "pingou")).value().get(0);
        assertThat(s.send(outage.id(), "pingou")).isInstanceOf(Outcome.Done.class);
        await("one instance claims the mail and connects", () -> proxyA.held.get() + proxyB.held.get() > 0);
        boolean aHasIt = proxyA.held.get() > 0;
        TwoServes.Instance dying = aHasIt ? a : b;
        StallingProxy survivors = aHasIt ? proxyB : proxyA;
        dying.process().destroyForcibly();
        dying.process().waitFor();
        assertThat(count(MAIL_PENDING)).as("claimed, not sent").isEqualTo(1);
        survivors.stalled.set(false);
        // the claim lasts 5 minutes: here it runs out at once, as if they had passed
        app.database().jdbi().useHandle(h -> h.execute("update outbox set next_attempt_at = ? where state = 'pending' and channel = 'mail'",
                Instant.now().minus(Duration.ofSeconds(1)).toEpochMilli()));
        await("the other instance sends it", () -> count(MAIL_PENDING) == 0);
        assertThat(smtp.getReceivedMessages().length).isGreaterThan(before);
        pair.eachOncePerRecipient();
        assertThat(count("select attempts from outbox where channel = 'mail' and announcement_id = " + outage.id()))
                .isEqualTo(1);
    }
}
