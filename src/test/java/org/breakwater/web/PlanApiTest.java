package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Optional;
import org.breakwater.auth.Role;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanStatus;
import org.breakwater.policy.PolicyReader;
import org.junit.jupiter.api.Test;

/** Pipelines and tools planning deployments and diffing descriptions over the API. */
class PlanApiTest extends CatalogApiCase {
    static final String NEW_PLAN = "{\"releases\": {\"pkgdb\": \"2.0.0\", \"fas\": \"0.8.19\"}, \"start\":"
            + " \"2030-06-16T15:00:00Z\", \"duration\": \"4h\", \"ticket\": \"https://tickets.example/4242\","
            + " \"apiDescriptions\": {\"pkgdb\": {\"file\": \"openapi.yaml\", \"content\":"
            + " \"openapi: 3.0.3\\ninfo: {title: pkgdb, version: '2.0.0'}\\npaths: {}\\n\"}}}";

    @Test
    void an_owner_plans_moves_and_schedules_a_deployment_and_each_step_is_audited() throws Exception {
        String pingou = token("pingou", Role.SERVICE_OWNER, "infrastructure");
        HttpResponse<String> made = post("/api/v1/plans", pingou, NEW_PLAN);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String location = made.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.substring("/api/v1/plans/".length()));
        assertThat(made.body()).contains("\"title\":\"pkgdb 2.0.0 + fas 0.8.19\"").contains("\"status\":\"draft\"")
                .contains("\"owner\":\"pingou\"").contains("\"durationMinutes\":240");
        Plan plan = app.plans(PolicyReader.defaults()).plan(id).orElseThrow();
        assertThat(plan.releases()).filteredOn(r -> r.service().equals("pkgdb")).singleElement()
                .satisfies(r -> assertThat(r.apiHash()).isPresent());

        HttpResponse<String> moved = post("/api/v1/plans/" + id + "/schedule", pingou, "{\"start\": \"2030-06-17T15:00:00Z\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(moved.body()).contains("2030-06-17T15:00:00Z");
        HttpResponse<String> scheduled = post("/api/v1/plans/" + id + "/status", pingou, "{\"status\": \"scheduled\"}");
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(200);
        HttpResponse<String> skip = post("/api/v1/plans/" + id + "/status", pingou, "{\"status\": \"done\"}");
        assertThat(skip.statusCode()).isEqualTo(400);
        assertThat(skip.body()).contains("cannot become done");
        assertThat(app.plans(PolicyReader.defaults()).plan(id).orElseThrow()).satisfies(p -> {
            assertThat(p.status()).isEqualTo(PlanStatus.SCHEDULED);
            assertThat(p.start()).isEqualTo(Instant.parse("2030-06-17T15:00:00Z"));
        });
        assertThat(app.access().auditLog(Optional.of("plan/" + id), 10)).extracting(e -> e.action())
                .containsExactly("plan-status", "plan-moved", "plan-created");
    }

    @Test
    void without_a_token_with_a_viewers_or_with_another_teams_nothing_is_planned() throws Exception {
        assertThat(post("/api/v1/plans", null, NEW_PLAN).statusCode()).isEqualTo(401);
        HttpResponse<String> viewer = post("/api/v1/plans", token("adamwill", Role.VIEWER, null), NEW_PLAN);
        assertThat(viewer.statusCode()).isEqualTo(403);
        HttpResponse<String> releng = post("/api/v1/plans", token("ausil", Role.SERVICE_OWNER, "rel-eng"), NEW_PLAN);
        assertThat(releng.statusCode()).isEqualTo(403);
        assertThat(releng.body()).contains("may not change");
        assertThat(app.plans(PolicyReader.defaults()).list(Optional.empty())).isEmpty();
        assertThat(app.access().auditLog(Optional.empty(), 10)).extracting(e -> e.action()).containsOnly("token-created");
    }

    @Test
    void bad_plans_are_refused_with_the_reason() throws Exception {
        String admin = token("nirik", Role.ADMIN, null);
        assertThat(post("/api/v1/plans", admin, "{\"releases\": {\"pkgdb\": \"2.0.0\"}, \"start\": \"soon\"}").body())
                .contains("start must be a time");
        assertThat(post("/api/v1/plans", admin, "{\"releases\": [\"pkgdb\"], \"start\": \"2030-06-16T15:00:00Z\"}").body())
                .contains("releases must be an object");
        HttpResponse<String> unknown = post("/api/v1/plans", admin, "{\"releases\": {\"nosuch\": \"1\"}, \"start\":"
                + " \"2030-06-16T15:00:00Z\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        HttpResponse<String> badSpec = post("/api/v1/plans", admin, "{\"releases\": {\"pkgdb\": \"2.0.0\"}, \"start\":"
                + " \"2030-06-16T15:00:00Z\", \"apiDescriptions\": {\"pkgdb\": {\"file\": \"a.yaml\", \"content\":"
                + " \"openapi: [\"}}}");
        assertThat(badSpec.statusCode()).isEqualTo(400);
        assertThat(badSpec.body()).contains("the API description does not read").contains("a.yaml");
        assertThat(post("/api/v1/plans/99/status", admin, "{\"status\": \"scheduled\"}").statusCode()).isEqualTo(404);
        assertThat(app.plans(PolicyReader.defaults()).list(Optional.empty())).isEmpty();
    }

    @Test
    void the_diff_endpoint_answers_what_the_cli_reports_and_needs_no_token() throws Exception {
        String body = "{\"old\": {\"file\": \"old.yaml\", \"content\": \"openapi: 3.0.3\\ninfo: {title: t, version: '1'}\\n"
                + "paths:\\n  /packages:\\n    get:\\n      operationId: listPackages\\n      responses: {'200': {description: ok}}\\n"
                + "\"}, \"new\": {\"content\": \"{\\\"openapi\\\": \\\"3.0.3\\\", \\\"info\\\": {\\\"title\\\": \\\"t\\\","
                + " \\\"version\\\": \\\"2\\\"}, \\\"paths\\\": {}}\"}}";
        HttpResponse<String> r = post("/api/v1/diff", null, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"breaking\" : 1").contains("\"id\" : \"endpoint-removed\"").contains("GET /packages");
        HttpResponse<String> bad = post("/api/v1/diff", null, "{\"old\": {\"content\": \"openapi: [\"}, \"new\": {\"content\": \"{}\"}}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(bad.body()).contains("the old description does not read").contains("old.yaml:1:");
        assertThat(post("/api/v1/diff", null, "{\"old\": {}}").statusCode()).isEqualTo(400);
    }
}
