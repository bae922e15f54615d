package org.breakwater.apidiff.report;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.breakwater.apidiff.ApiDiff;
import org.breakwater.apidiff.DiffOptions;
import org.breakwater.apidiff.rule.Rules;
import org.breakwater.apidiff.rule.SchemaChange;
import org.breakwater.apidiff.rule.Scope;
import org.breakwater.apidiff.spec.Source;
import org.breakwater.apidiff.spec.SpecException;

/** Reports the renderer tests share: built by hand from real rules, or diffed from the shared corpus. */
final class SampleReports {
    static final Path TWILIO_OLD = Path.of("../shared/corpus/twilio/messaging_v1.1.20.0.json");
    static final Path TWILIO_NEW = Path.of("../shared/corpus/twilio/messaging_v1.2.6.7.json");

    private SampleReports() {
    }

    /** Two breaking findings, one warning, two info (one document-wide with no known line), one ignored, one notice. */
    static Report mixed() {
        Finding removed = new Finding(Rules.ENDPOINT_REMOVED, "GET /packages",
                new Source("old.yaml", "/paths/~1packages/get", 12, 5), true, "GET /packages removed");
        Finding property = new Finding(Rules.schema(Scope.RESPONSE_PROPERTY, SchemaChange.REMOVED), "GET /packages/{name}",
                new Source("old.yaml", "/components/schemas/Package/properties/branch", 40, 9), true,
                "response 200 (application/json) `branch`: removed");
        Finding renamed = new Finding(Rules.OPERATION_ID_CHANGED, "GET /packages/{name}",
                new Source("new.yaml", "/paths/~1packages~1{name}/get/operationId", 20, 7), false,
                "operationId getPackage → packageInfo");
        Finding added = new Finding(Rules.ENDPOINT_ADDED, "GET /packages/{name}/acls",
                new Source("new.yaml", "/paths/~1packages~1{name}~1acls/get", 30, 5), false,
                "GET /packages/{name}/acls added");
        Finding server = new Finding(Rules.SERVER_ADDED, "", Source.NONE, false, "server https://b.example added");
        Finding accepted = new Finding(Rules.PARAMETER_REMOVED, "GET /search",
                new Source("old.yaml", "/paths/~1search/get/parameters/0", 55, 9), true, "query parameter `branch` removed");
        return new Report("old.yaml", "new.yaml", "1.0.0", "2.0.0", List.of(removed, property, renamed, added, server),
                List.of(new Suppressed(accepted, "pkgdb-cli 2.0 no longer sends it")),
                List.of("ignore entry at .breakwater-ignore.yaml:3 (endpoint-removed GET /x) expired on 2024-01-01"));
    }

    /** One breaking finding whose operation and message are whatever a hostile description wants. */
    static Report oneBreaking(String operation, String message) {
        Finding f = new Finding(Rules.ENDPOINT_REMOVED, operation, new Source("old.yaml", "/paths/~1x/get", 3, 5), true, message);
        return new Report("old.yaml", "new.yaml", "1", "2", List.of(f), List.of(), List.of());
    }

    /** Only info findings: nothing breaks. */
    static Report nothingBreaks() {
        Finding added = new Finding(Rules.ENDPOINT_ADDED, "GET /a", new Source("new.yaml", "/paths/~1a/get", 4, 3), false,
                "GET /a added");
        return new Report("old.yaml", "new.yaml", "1", "2", List.of(added), List.of(), List.of());
    }

    static Report empty() {
        return new Report("old.yaml", "new.yaml", "1", "1", List.of(), List.of(), List.of());
    }

    /** The real diff of the Twilio messaging pair; the calling test is skipped, visibly, where the corpus is absent. */
    static Report twilioMessaging() throws SpecException {
        assumeTrue(Files.exists(TWILIO_OLD) && Files.exists(TWILIO_NEW), "shared corpus absent: skipped");
        return new ApiDiff(DiffOptions.defaults()).compare(TWILIO_OLD, TWILIO_NEW);
    }

    static String render(Renderer renderer, Report report) throws java.io.IOException {
        StringBuilder out = new StringBuilder();
        renderer.render(report, out);
        return out.toString();
    }
}
