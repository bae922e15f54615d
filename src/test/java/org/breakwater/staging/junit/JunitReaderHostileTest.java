package org.breakwater.staging.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.breakwater.staging.ReportRead;
import org.breakwater.staging.TestCaseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed, oversized and hostile reports are refused, with the place, and leak nothing. */
class JunitReaderHostileTest {
    @TempDir
    Path dir;

    static ReportRead readString(JunitReader reader, String xml) {
        return reader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "report.xml");
    }

    static ReportRead.Refused refused(ReportRead read) {
        assertThat(read).as(read.toString()).isInstanceOf(ReportRead.Refused.class);
        return (ReportRead.Refused) read;
    }

    @Test
    void an_external_entity_reading_a_local_file_is_refused_and_nothing_of_the_file_appears() throws IOException {
        Path secret = Files.writeString(dir.resolve("passwd"), "root:x:0:0:SECRET-MARKER-7731:/root:/bin/bash\n");
        Path report = Files.writeString(dir.resolve("xxe.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE testsuite [ <!ENTITY xxe SYSTEM "%s"> ]>
                <testsuite name="s"><testcase classname="C" name="t"><failure message="&xxe;">&xxe;</failure>
                <system-out>&xxe;</system-out></testcase></testsuite>
                """.formatted(secret.toUri()));

        ReportRead.Refused refused = refused(new JunitReader().read(report));

        assertThat(refused.reason()).contains("DOCTYPE is not allowed");
        assertThat(refused.line()).isEqualTo(2);
        assertThat(refused.toString()).doesNotContain("SECRET-MARKER");
    }

    @Test
    void an_external_dtd_or_parameter_entity_is_never_fetched() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger hits = new AtomicInteger();
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            byte[] body = "<!ENTITY leak 'fetched'>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
            ReportRead.Refused external = refused(readString(new JunitReader(), """
                    <?xml version="1.0"?>
                    <!DOCTYPE testsuite SYSTEM "%s">
                    <testsuite name="s"/>""".formatted(url)));
            ReportRead.Refused parameter = refused(readString(new JunitReader(), """
                    <?xml version="1.0"?>
                    <!DOCTYPE testsuite [ <!ENTITY %% remote SYSTEM "%s"> %%remote; ]>
                    <testsuite name="s"><testcase classname="C" name="&leak;"/></testsuite>""".formatted(url)));

            assertThat(external.reason()).contains("DOCTYPE");
            assertThat(parameter.reason()).contains("DOCTYPE");
            assertThat(hits).as("requests the parser made to the DTD's server").hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void billion_laughs_is_refused_at_its_doctype_before_any_entity_is_expanded() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append(" <!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        dtd.append("]>\n<testsuite name=\"&lol9;\"><testcase classname=\"&lol9;\" name=\"&lol9;\"/></testsuite>\n");

        ReportRead.Refused refused = refused(readString(new JunitReader(), dtd.toString()));

        // 10^9 "lol"s would be 3 GB: the refusal comes at the DOCTYPE (it ends on line 13), before the root element
        assertThat(refused.reason()).contains("DOCTYPE is not allowed");
        assertThat(refused.line()).isLessThanOrEqualTo(13);
        assertThat(refused.reason()).doesNotContain("lollol");
    }

    @Test
    void malformed_xml_is_refused_with_the_line_and_column_of_the_problem() {
        ReportRead.Refused refused = refused(readString(new JunitReader(), """
                <testsuite name="s">
                  <testcase classname="C" name="t">
                    <failure message="x"></failur>
                  </testcase>
                </testsuite>"""));

        assertThat(refused.line()).isEqualTo(3);
        assertThat(refused.column()).isPositive();
        assertThat(refused.reason()).startsWith("malformed XML: ").contains("failure").doesNotContain("ParseError");
        assertThat(refused.message()).startsWith("report.xml:3:");
    }

    @Test
    void an_entity_without_a_doctype_is_refused_as_malformed_with_its_place() {
        ReportRead.Refused refused = refused(readString(new JunitReader(),
                "<testsuite name=\"s\">\n<testcase classname=\"C\" name=\"&passwd;\"/></testsuite>"));

        assertThat(refused.reason()).startsWith("malformed XML: ").contains("passwd");
        assertThat(refused.line()).isEqualTo(2);
    }

    @Test
    void a_report_cut_off_in_the_middle_is_refused() {
        ReportRead.Refused refused = refused(readString(new JunitReader(),
                "<testsuite name=\"s\"><testcase classname=\"C\" name=\"t\"><system-out>half"));

        assertThat(refused.reason()).startsWith("malformed XML");
        assertThat(refused.line()).isEqualTo(1);
    }

    @Test
    void a_file_that_is_not_a_junit_report_is_refused_by_its_root_element() {
        ReportRead.Refused refused = refused(readString(new JunitReader(), "<project><modelVersion/></project>"));

        assertThat(refused.reason()).isEqualTo(
                "not a JUnit XML report: the root element is <project>, not <testsuites> or <testsuite>");
        assertThat(refused.line()).isEqualTo(1);
    }

    @Test
    void a_file_larger_than_the_limit_is_refused_before_it_is_parsed() throws IOException {
        Path big = Files.writeString(dir.resolve("big.xml"), "<testsuite name=\"s\">" + " ".repeat(2000) + "</testsuite>");

        ReportRead.Refused refused = refused(new JunitReader(JunitLimits.defaults().withMaxBytes(1000)).read(big));

        assertThat(refused.reason()).isEqualTo("the report is 2032 bytes, larger than the limit of 1000 bytes");
    }

    @Test
    void a_stream_is_cut_at_the_limit_while_it_is_read() {
        InputStream endless = new InputStream() {
            private final byte[] head = "<testsuite name=\"s\"><system-out>".getBytes(StandardCharsets.UTF_8);
            private long at;

            @Override
            public int read() {
                return at < head.length ? head[(int) at++] : (at++ < Long.MAX_VALUE ? 'x' : -1);
            }
        };

        ReportRead.Refused refused = refused(new JunitReader(JunitLimits.defaults().withMaxBytes(1_000_000))
                .read(endless, "endless.xml"));

        assertThat(refused.reason()).isEqualTo("the report is larger than the limit of 1000000 bytes");
    }

    @Test
    void more_cases_than_the_limit_are_refused_at_the_first_case_too_many() {
        String xml = "<testsuite name=\"s\">\n" + "<testcase classname=\"C\" name=\"t\"/>\n".repeat(4) + "</testsuite>";

        ReportRead.Refused refused = refused(readString(new JunitReader(JunitLimits.defaults().withMaxCases(3)), xml));

        assertThat(refused.reason()).isEqualTo("more than 3 test cases in one report");
        assertThat(refused.line()).isEqualTo(5);
    }

    @Test
    void long_messages_stack_traces_and_output_are_cut_to_their_caps_and_say_so() {
        JunitLimits small = new JunitLimits(1_000_000, 10, 20, 30, 40);
        String xml = "<testsuite name=\"s\"><testcase classname=\"C\" name=\"t\"><failure message=\"" + "m".repeat(100)
                + "\">" + "d".repeat(1000) + "</failure><system-out>" + "o".repeat(5000) + "</system-out></testcase></testsuite>";

        TestCaseResult c = ((ReportRead.Read) readString(new JunitReader(small), xml)).report().cases().get(0);

        assertThat(c.message()).isEqualTo("m".repeat(20) + " [... 80 more characters not kept]");
        assertThat(c.details()).isEqualTo("d".repeat(30) + "\n[... 970 more characters not kept]");
        assertThat(c.output()).isEqualTo("o".repeat(40) + "\n[... 4960 more characters not kept]");
    }

    @Test
    void a_time_that_is_not_a_number_of_seconds_is_refused_with_its_place() {
        ReportRead.Refused refused = refused(readString(new JunitReader(),
                "<testsuite name=\"s\">\n  <testcase classname=\"C\" name=\"t\" time=\"12s\"/>\n</testsuite>"));

        assertThat(refused.reason()).isEqualTo("time=\"12s\" is not a number of seconds");
        assertThat(refused.line()).isEqualTo(2);
    }

    @Test
    void a_negative_time_and_a_case_without_a_name_are_refused() {
        assertThat(refused(readString(new JunitReader(),
                "<testsuite name=\"s\"><testcase classname=\"C\" name=\"t\" time=\"-1\"/></testsuite>")).reason())
                .isEqualTo("time=\"-1\" is out of range (0 to 10000000 seconds)");
        assertThat(refused(readString(new JunitReader(),
                "<testsuite name=\"s\"><testcase classname=\"C\"/></testsuite>")).reason())
                .isEqualTo("a <testcase> without a name");
    }

    @Test
    void a_missing_file_is_refused_by_name() {
        ReportRead.Refused refused = refused(new JunitReader().read(dir.resolve("nope.xml")));

        assertThat(refused.message()).endsWith("nope.xml: no such file");
    }
}
