package org.breakwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo, the product's front door: complete data, and every part of the story shown. */
class DemoTest {
    @TempDir
    Path dir;

    @Test
    void the_demo_index_lists_exactly_the_demo_files() throws Exception {
        Path demo = Path.of("src/main/resources/demo");
        List<String> onDisk;
        try (Stream<Path> files = Files.walk(demo)) {
            onDisk = files.filter(Files::isRegularFile).map(p -> "demo/" + demo.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> !n.equals(DemoData.INDEX)).sorted().toList();
        }
        assertThat(DemoData.files()).containsExactlyElementsOf(onDisk);
    }

    @Test
    void the_demo_shows_the_catalog_what_runs_where_the_consumers_and_the_break() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"demo", "--no-serve", "--dir", dir.toString()}, new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString())
                .contains("8 teams (7 outside infrastructure), 20 people, 25 services (8 essential, 6 borderline, 11 leaf)")
                .contains("103 deployments recorded")
                .containsPattern("pkgdb\\s+production\\s+1\\.9\\.2")
                .containsPattern("pkgdb\\s+staging\\s+2\\.0\\.0\\s")
                .containsPattern("fas\\s+staging\\s+0\\.8\\.19")
                .containsPattern("faf-pkgdb-importer\\s+tool\\s+abrt\\s+1")
                .contains("pkgdb → bodhi")
                .contains("15 breaking")
                .contains("Plan 1: pkgdb2 roll-out, with the account system 0.8.19 [scheduled]")
                .contains("policy    applies: essential service fas 0.8.19 breaks the API")
                .contains("Gates: 5 of 11 met or waived") // the roster gate, met by the roster's confirmations
                .contains("Roster of plan 1 (pkgdb2 roll-out, with the account system 0.8.19): 10 of 10 confirmed")
                .contains("Rollback: possible, to fas 0.8.18, pkgdb 1.9.2")
                .contains("# pkgdb2 roll-out, with the account system 0.8.19 post-mortem and strategy for future")
                .containsPattern("pkgdb\\s+\\d+\\s+[0-9.]+\\s+\\d+d")
                .containsPattern("(?m)^no\\n  - the deployment window opens")
                .contains("outage-notice pending")
                .contains("Due now: fedocal 1.0")
                .contains("281 calls counted for pkgdb in production: 240 by known consumers, 41 by 2 unknown caller(s);"
                        + " 1 to no operation of the deployed description.")
                .contains("33 calls counted for pkgdb in staging: 24 by known consumers, 9 by 1 unknown caller(s)")
                .containsPattern("unknown \\(fedora-review/0\\.5\\.2 from 192\\.0\\.2\\.44\\)\\s+pkgdb\\s+GET /acls/name/\\{}\\s+40")
                .containsPattern("bodhi-pkgdb-client\\s+pkgdb\\s+GET /acls/name/\\{}\\s+120")
                .contains("20: AGREED <nirik> fedocal is not essential")
                .contains("applied: recorded meeting-decision exempt by nirik on plan BW-3")
                .containsPattern("(?m)^yes\\n  - plan 3 \\(fedocal 1\\.0\\.0\\): all \\d+ gates met or waived; policy exempt")
                .contains("#topic BW-2 bodhi2, the updates system v2")
                .contains("bodhi-pkgdb-client: 20 sampled calls to GET /acls/name/{}:"
                        + " `$.acls[*].collection.branchname` value changed: was `devel`, is `master`")
                .contains("packages-pkgdb-connector: 20 sampled calls to GET /packages/name/{}: `$` status changed:"
                        + " was `200`, is `404`")
                .contains("Fedora 21 Beta freeze")
                .containsPattern("\\* at least 3 weeks after a release: Fedora 21 Final release");
        assertThat(dir.resolve("store/breakwater.db")).isRegularFile();
    }

    @Test
    void the_walkthrough_and_the_commands_it_suggests_show_times_as_people_read_them_never_a_raw_instant() {
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"demo", "--no-serve", "--dir", dir.toString()}, new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true));
        assertThat(code).isZero();
        String store = "--data-dir=" + dir.resolve("store");
        StringBuilder all = new StringBuilder(out.toString());
        for (String[] command : List.of(new String[] {"board", "tick", "1", "pre-checks"},
                new String[] {"prune", "--keep", "2y"},
                new String[] {"record-deployment", "--service", "fedocal", "--version", "1.0.1", "--env", "staging"})) {
            List<String> args = new java.util.ArrayList<>(List.of(command));
            args.add(store);
            all.append(org.breakwater.cli.CliRun.unchecked(args.toArray(String[]::new)).all());
        }
        // 2026-12-05T05:44:09.303Z is for machines (--json); the text says 2026-12-05 05:44 UTC
        assertThat(all.toString()).contains("Four keys, ").contains("ticked already by")
                .doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d");
    }

    @Test
    void the_demo_removes_the_temporary_folder_it_made_when_it_ends() {
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"demo", "--no-serve"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertThat(code).isZero();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Demo data unpacked to (\\S+) ").matcher(out.toString());
        assertThat(m.find()).as(out.toString()).isTrue();
        assertThat(out.toString()).contains("a temporary folder, removed when the demo stops");
        assertThat(Path.of(m.group(1))).doesNotExist();
        // the commands it suggests name that folder: it says they need --dir before offering them
        String tail = out.toString().substring(out.toString().lastIndexOf("Try: "));
        assertThat(out.toString()).contains("run it again with --dir DIR (which keeps the folder)");
        assertThat(out.toString().indexOf("run it again with --dir DIR")).isLessThan(out.toString().lastIndexOf(tail));
    }

    @Test
    void the_demo_closes_every_store_it_opens() throws Exception {
        List<String> open = org.breakwater.store.TestRun.poolsLeftOpenBy(() -> assertThat(Main.run(
                new String[] {"demo", "--no-serve", "--dir", dir.toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true))).isZero());
        assertThat(open).as("pools left open").isEmpty();
    }

    @Test
    void running_the_demo_twice_in_one_folder_starts_from_a_fresh_store() {
        StringWriter out = new StringWriter();
        for (int i = 0; i < 2; i++) {
            out.getBuffer().setLength(0);
            int code = Main.run(new String[] {"demo", "--no-serve", "--dir", dir.toString()}, new PrintWriter(out, true),
                    new PrintWriter(new StringWriter(), true));
            assertThat(code).isZero();
        }
        assertThat(out.toString()).contains("103 deployments recorded");
        int rows;
        try (var db = org.breakwater.store.Database.sqlite(dir.resolve("store"))) {
            rows = db.jdbi().withHandle(h -> h.createQuery("select count(*) from deployment").mapTo(Integer.class).one());
        }
        assertThat(rows).isEqualTo(103);
    }

    @Test
    void the_demo_then_serves_its_store_until_stopped() throws Exception {
        StringWriter out = new StringWriter();
        int[] code = {-1};
        Thread demo = new Thread(() -> code[0] = Main.run(new String[] {"demo", "--dir", dir.toString(), "--port", "0"},
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true)));
        demo.start();
        java.util.regex.Pattern served = java.util.regex.Pattern.compile("serves the demo at (http://127\\.0\\.0\\.1:\\d+/)");
        java.util.regex.Matcher m = served.matcher("");
        for (int i = 0; i < 600 && !(m = served.matcher(out.toString())).find(); i++) {
            Thread.sleep(100);
        }
        assertThat(m.find(0)).as("the demo printed its URL").isTrue();
        java.net.http.HttpResponse<String> plan = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(m.group(1) + "plans/1")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(plan.statusCode()).isEqualTo(200);
        assertThat(plan.body()).contains("pkgdb2 roll-out, with the account system 0.8.19");
        demo.interrupt();
        demo.join(30_000);
        assertThat(demo.isAlive()).isFalse();
        assertThat(code[0]).isZero();
    }
}
