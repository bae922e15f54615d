package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.breakwater.catalog.NewDeployment;
import org.breakwater.catalog.Outcome;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanStatus;
import org.breakwater.plan.store.JdbiPlanRepository;
import org.breakwater.traffic.CallerRule;
import org.breakwater.traffic.TrafficService;
import org.breakwater.traffic.parse.LogFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The board's live error rates over real HTTP on the demo: the pkgdb2 plan in progress, pkgdb 2.0.0
 * deployed twenty minutes ago, bodhi's client calling an operation it removed; the page shows the
 * share failing before and since the cut-over, reloads itself without JavaScript, and its numbers
 * move when the follower stores new buckets.
 */
class BoardRatesHttpTest {
    static final DateTimeFormatter CLF = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    DemoSite demo;
    Instant cut;
    int reads;

    @BeforeEach
    void start() {
        demo = DemoSite.start(dir, new WebSettings(false, false, Optional.empty()));
        cut = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(20));
        JdbiPlanRepository plans = new JdbiPlanRepository(demo.app().database().jdbi());
        Plan p = plans.plan(1).orElseThrow();
        plans.update(new Plan(p.id(), p.title(), p.releases(), p.environment(), cut.minus(Duration.ofMinutes(5)),
                p.duration(), p.owner(), p.ticket(), PlanStatus.IN_PROGRESS, p.createdAt()));
        assertThat(demo.app().catalog().recordDeployment(new NewDeployment("pkgdb", "2.0.0", "production", cut, "pingou",
                Optional.empty()), Optional.empty())).isInstanceOf(Outcome.Done.class);
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    /** Bodhi's client calling {@code GET /acls/name/guake}: {@code n} times from {@code from}, answered {@code status}. */
    void bodhi(Instant from, int n, int status) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add("10.5.126.20 - - [" + CLF.format(from.plusSeconds(i * 10L)) + "] \"GET /pkgdb/acls/name/guake"
                    + " HTTP/1.1\" " + status + " 512 \"-\" \"bodhi/0.9.12\"\n");
        }
        TrafficService t = demo.app().traffic();
        List<CallerRule> rules = ((Outcome.Done<List<CallerRule>>) t.rules()).value();
        byte[] log = String.join("", lines).getBytes(StandardCharsets.UTF_8);
        assertThat(t.ingest("pkgdb", "production", LogFormat.combined(), List.of(new TrafficService.Input(
                "access_log." + reads++, () -> new ByteArrayInputStream(log))), rules, a -> Optional.empty()))
                .isInstanceOf(Outcome.Done.class);
    }

    String row(String body) {
        int at = body.indexOf("<td>bodhi-pkgdb-client</td><td>GET /acls/name/{package} (removed)</td>");
        assertThat(at).as("the bodhi row in %s", body).isNotNegative();
        return body.substring(at, body.indexOf("</tr>", at));
    }

    @Test
    void the_board_shows_each_affected_consumers_error_rate_before_and_since_the_cut_over_and_reloads_itself()
            throws Exception {
        bodhi(cut.minus(Duration.ofMinutes(30)), 10, 200);
        bodhi(cut.plus(Duration.ofMinutes(1)), 3, 404);
        HttpResponse<String> board = new Visitor(demo.server()).get("/plans/1/board");
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.headers().firstValue("Refresh")).as("reloads without JavaScript").contains("30");
        assertThat(board.body()).contains("Error rates, before and since the cut-over")
                .contains("pkgdb 2.0.0 since").contains("fas ").contains("not deployed yet");
        assertThat(row(board.body())).contains("0 of 10 failed (0%)").contains("3 of 3 failed (100%)")
                .doesNotContain("failing");
    }

    @Test
    void the_numbers_move_when_new_buckets_arrive() throws Exception {
        bodhi(cut.minus(Duration.ofMinutes(30)), 10, 200);
        bodhi(cut.plus(Duration.ofMinutes(1)), 3, 404);
        Visitor visitor = new Visitor(demo.server());
        assertThat(row(visitor.get("/plans/1/board").body())).contains("3 of 3 failed (100%)");
        bodhi(cut.plus(Duration.ofMinutes(5)), 4, 404);
        bodhi(cut.plus(Duration.ofMinutes(6)), 1, 200);
        assertThat(row(visitor.get("/plans/1/board").body())).as("the next reload")
                .contains("0 of 10 failed (0%)").contains("7 of 8 failed (88%) failing");
        assertThat(visitor.get("/api/v1/plans/1/board").body()).as("the REST board too")
                .contains("\"consumer\":\"bodhi-pkgdb-client\",\"known\":true,\"operation\":\"GET /acls/name/{package}\","
                        + "\"removed\":true,\"callsBefore\":10,\"errorsBefore\":0,\"callsAfter\":8,\"errorsAfter\":7");
    }
}
