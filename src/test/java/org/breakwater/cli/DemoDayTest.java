package org.breakwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's pkgdb2 day: the follower's detector opens the incidents within a minute of simulated time. */
class DemoDayTest {
    @TempDir
    Path dir;

    @Test
    void the_demo_opens_an_incident_for_bodhi_the_packages_app_and_the_unknown_script_within_a_minute() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"demo", "--no-serve", "--dir", dir.resolve("demo").toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).contains("== The pkgdb2 day, replayed")
                .containsPattern("incident \\d opened: bodhi-pkgdb-client: GET /acls/name/\\{package} 4xx on \\d+ of \\d+"
                        + " calls since \\d\\d:\\d\\d; 0% before \\(gone from pkgdb 2.0.0\\)")
                .containsPattern("incident \\d opened: packages-pkgdb-connector: GET /packages/name/\\{package} 4xx")
                .containsPattern("incident \\d opened: unknown \\(python-requests/2.2.1 from 10.5.127.99\\)")
                .contains("3 incident(s) opened from the log");
        Matcher m = Pattern.compile("detected (\\d+) s after the cut-over").matcher(text);
        int n = 0;
        while (m.find()) {
            assertThat(Integer.parseInt(m.group(1))).as("detected within a minute of simulated time").isLessThanOrEqualTo(60);
            n++;
        }
        assertThat(n).isEqualTo(3);
    }
}
