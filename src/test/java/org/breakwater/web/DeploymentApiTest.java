package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Optional;
import org.breakwater.auth.AccessService;
import org.breakwater.auth.Role;
import org.breakwater.catalog.Placement;
import org.breakwater.catalog.Outcome;
import org.breakwater.policy.PolicyReader;
import org.junit.jupiter.api.Test;

/** CI recording a deployment over HTTP: tokens, roles, validation, the audit log. */
class DeploymentApiTest extends CatalogApiCase {
    HttpResponse<String> post(String token, String body) throws Exception {
        return post("/api/v1/deployments", token, body);
    }

    String token(Role role, String team) {
        return token("ci-bot", role, team);
    }

    static final String PKGDB = "{\"service\": \"pkgdb\", \"version\": \"1.9.3\", \"environment\": \"production\","
            + " \"notes\": \"hotfix\", \"apiDescription\": {\"file\": \"openapi.yaml\", \"content\":"
            + " \"openapi: 3.0.3\\ninfo: {title: pkgdb, version: '1.9.3'}\\npaths: {}\\n\"}}";

    @Test
    void an_owner_of_the_service_records_a_deployment_and_the_audit_log_says_so() throws Exception {
        HttpResponse<String> r = post(token(Role.SERVICE_OWNER, "infrastructure"), PKGDB);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.headers().firstValue("Location")).contains("/api/v1/services/pkgdb");
        assertThat(r.body()).contains("\"version\":\"1.9.3\"").contains("\"by\":\"ci-bot\"").contains("sha256:");
        Outcome<java.util.List<Placement>> where = app.catalog().where(Optional.of("pkgdb"));
        assertThat(((Outcome.Done<java.util.List<Placement>>) where).value()).extracting(Placement::version)
                .containsExactly("1.9.3");
        assertThat(app.access().auditLog(Optional.of("service/pkgdb"), 10)).singleElement()
                .satisfies(e -> assertThat(e.actor() + " " + e.action() + " " + e.detail().orElse(""))
                        .isEqualTo("ci-bot deployment-recorded 1.9.3 → production"));
    }

    @Test
    void without_a_valid_token_or_the_right_role_nothing_is_recorded() throws Exception {
        HttpResponse<String> none = post(null, PKGDB);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(post("bw_not-a-token", PKGDB).statusCode()).isEqualTo(401);
        assertThat(post(token(Role.VIEWER, null), PKGDB).statusCode()).isEqualTo(403);
        HttpResponse<String> otherTeam = post(token(Role.SERVICE_OWNER, "qa"), PKGDB);
        assertThat(otherTeam.statusCode()).isEqualTo(403);
        assertThat(otherTeam.body()).contains("may not record deployments of pkgdb, which infrastructure owns");
        String admin = token(Role.ADMIN, null);
        AccessService access = app.access();
        long id = access.tokens().get(access.tokens().size() - 1).id();
        access.revoke(id, "nirik");
        assertThat(post(admin, PKGDB).statusCode()).isEqualTo(401);
        assertThat(((Outcome.Done<java.util.List<Placement>>) app.catalog().where(Optional.of("pkgdb"))).value()).isEmpty();
    }

    @Test
    void gate_evidence_and_waivers_are_recorded_by_the_plans_owners() throws Exception {
        var plans = app.plans(PolicyReader.defaults());
        long id = ((Outcome.Done<org.breakwater.plan.Plan>) plans.create(new org.breakwater.plan.NewPlan("pkgdb2",
                java.util.Map.of("pkgdb", "2.0.0"), java.util.Map.of(), "production",
                java.time.Instant.now().plus(java.time.Duration.ofDays(20)), java.time.Duration.ofHours(2), "pingou",
                Optional.empty(), org.breakwater.plan.PlanStatus.DRAFT))).value().id();
        String owner = token(Role.SERVICE_OWNER, "infrastructure");
        HttpResponse<String> ev = post("/api/v1/plans/" + id + "/gates/outage-notice/evidence", owner,
                "{\"evidence\": \"https://lists.fedoraproject.org/outage\"}");
        assertThat(ev.statusCode()).as(ev.body()).isEqualTo(201);
        assertThat(ev.body()).contains("\"by\":\"ci-bot\"");
        HttpResponse<String> waived = post("/api/v1/plans/" + id + "/gates/freeze/waiver", owner,
                "{\"reason\": \"rube is down this week\"}");
        assertThat(waived.statusCode()).isEqualTo(201);
        var report = ((Outcome.Done<org.breakwater.plan.PlanReport>) plans.report(id)).value();
        assertThat(report.gates().stream().filter(g -> g.id().equals("outage-notice")).findFirst().orElseThrow()
                .evidence()).hasSize(1);
        assertThat(report.gates().stream().filter(g -> g.id().equals("freeze")).findFirst().orElseThrow()
                .state()).isEqualTo(org.breakwater.plan.GateState.WAIVED);
        assertThat(post("/api/v1/plans/" + id + "/gates/outage-notice/evidence", token(Role.SERVICE_OWNER, "qa"),
                "{\"evidence\": \"x\"}").statusCode()).isEqualTo(403);
        assertThat(post("/api/v1/plans/" + id + "/gates/no-such-gate/evidence", owner, "{\"evidence\": \"x\"}")
                .body()).contains("unknown gate 'no-such-gate'");
        assertThat(post("/api/v1/plans/999/gates/meeting/evidence", owner, "{\"evidence\": \"x\"}").statusCode())
                .isEqualTo(404);
        assertThat(app.access().auditLog(Optional.of("plan/" + id), 10)).extracting(e -> e.action())
                .containsExactly("gate-waived", "gate-evidence");
    }

    @Test
    void bad_bodies_are_problem_details() throws Exception {
        String admin = token(Role.ADMIN, null);
        HttpResponse<String> notJson = post(admin, "{\"service\": ");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(post(admin, "{\"service\": \"pkgdb\"}").body()).contains("'version' is required");
        assertThat(post(admin, "{\"service\": \"nosuch\", \"version\": \"1\", \"environment\": \"production\"}")
                .statusCode()).isEqualTo(404);
        assertThat(post(admin, "{\"service\": \"pkgdb\", \"version\": \"1\", \"environment\": \"prod\"}").body())
                .contains("unknown environment 'prod'");
        assertThat(post(admin, "{\"service\": \"pkgdb\", \"version\": \"1\", \"environment\": \"production\","
                + " \"apiDescription\": {\"file\": \"x.yaml\", \"content\": \"openapi: 9\"}}").body())
                .contains("the API description does not read");
    }
}
