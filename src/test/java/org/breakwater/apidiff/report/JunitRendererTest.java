package org.breakwater.apidiff.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.breakwater.apidiff.report.SampleReports.render;

import java.io.StringReader;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.breakwater.apidiff.rule.Rules;
import org.breakwater.apidiff.spec.Source;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class JunitRendererTest {
    private final JunitRenderer renderer = new JunitRenderer();

    @Test
    void one_suite_holds_one_test_case_per_finding_with_correct_counts() throws Exception {
        Document xml = parse(render(renderer, SampleReports.mixed()));

        Element suites = xml.getDocumentElement();
        assertThat(suites.getTagName()).isEqualTo("testsuites");
        assertThat(suites.getElementsByTagName("testsuite").getLength()).isEqualTo(1);
        Element suite = (Element) suites.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo("breakwater diff");
        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(6);
        for (Element e : List.of(suites, suite)) {
            assertThat(e.getAttribute("tests")).isEqualTo("6");
            assertThat(e.getAttribute("failures")).isEqualTo("2");
            assertThat(e.getAttribute("errors")).isEqualTo("0");
            assertThat(e.getAttribute("skipped")).isEqualTo("1");
        }
        assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(2);
        assertThat(xml.getElementsByTagName("skipped").getLength()).isEqualTo(1);
    }

    @Test
    void a_breaking_finding_is_a_failure_typed_by_its_rule_with_message_and_location() throws Exception {
        Document xml = parse(render(renderer, SampleReports.mixed()));

        Element first = testcase(xml, 0);
        assertThat(first.getAttribute("classname")).isEqualTo("GET /packages");
        assertThat(first.getAttribute("name")).isEqualTo("endpoint-removed /paths/~1packages/get");
        Element failure = (Element) first.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("endpoint-removed");
        assertThat(failure.getAttribute("message")).isEqualTo("GET /packages removed");
        assertThat(failure.getTextContent()).contains("GET /packages removed")
                .contains("at old.yaml:12:5 /paths/~1packages/get");
    }

    @Test
    void warnings_and_info_pass_and_carry_their_text_in_system_out() throws Exception {
        Document xml = parse(render(renderer, SampleReports.mixed()));

        Element warning = testcase(xml, 2);
        assertThat(warning.getAttribute("name")).startsWith("operation-id-changed ");
        assertThat(warning.getElementsByTagName("failure").getLength()).isZero();
        assertThat(warning.getElementsByTagName("system-out").item(0).getTextContent())
                .startsWith("[warning] operationId getPackage → packageInfo");
        Element wholeApi = testcase(xml, 4);
        assertThat(wholeApi.getAttribute("classname")).isEqualTo("(whole API)");
        assertThat(wholeApi.getAttribute("name")).isEqualTo("server-added");
        assertThat(wholeApi.getElementsByTagName("system-out").item(0).getTextContent()).startsWith("[info] ");
    }

    @Test
    void an_ignored_finding_is_a_skipped_test_case_with_its_reason() throws Exception {
        Document xml = parse(render(renderer, SampleReports.mixed()));

        Element skipped = (Element) xml.getElementsByTagName("skipped").item(0);
        assertThat(skipped.getAttribute("message")).isEqualTo("ignored: pkgdb-cli 2.0 no longer sends it");
        assertThat(((Element) skipped.getParentNode()).getAttribute("classname")).isEqualTo("GET /search");
    }

    @Test
    void without_breaking_changes_a_passing_case_says_so() throws Exception {
        Document xml = parse(render(renderer, SampleReports.nothingBreaks()));

        assertThat(xml.getDocumentElement().getAttribute("tests")).isEqualTo("2");
        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("0");
        assertThat(testcase(xml, 0).getAttribute("name")).isEqualTo("no breaking changes");
    }

    @Test
    void an_empty_report_still_has_one_passing_test_case() throws Exception {
        Document xml = parse(render(renderer, SampleReports.empty()));

        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(1);
        assertThat(xml.getDocumentElement().getAttribute("tests")).isEqualTo("1");
    }

    @Test
    void markup_and_characters_illegal_in_xml_are_escaped_or_dropped() throws Exception {
        String message = "a <b> & \"c\" ]]> 'd'\nsecond line\u0000\u0001\uD800 \uD83D\uDE00 end";
        String xml = render(renderer, SampleReports.oneBreaking("GET /x?\"<&>", message));

        Document doc = parse(xml);
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("a <b> & \"c\" ]]> 'd'\nsecond line \uD83D\uDE00 end");
        assertThat(testcase(doc, 0).getAttribute("classname")).isEqualTo("GET /x?\"<&>");
        assertThat(xml).doesNotContain("\u0000").doesNotContain("\u0001");
    }

    @Test
    void a_carriage_return_survives_the_round_trip() throws Exception {
        Finding f = new Finding(Rules.ENDPOINT_ADDED, "GET /a", new Source("n.yaml", "", 0, 0), false, "one\r\ntwo");
        String xml = render(renderer, new Report("o", "n", "", "", List.of(f), List.of(), List.of()));

        Element out = (Element) parse(xml).getElementsByTagName("system-out").item(0);
        assertThat(out.getTextContent()).startsWith("[info] one\r\ntwo\nat n.yaml\n");
    }

    @Test
    void notices_go_to_the_suite_output() throws Exception {
        Document xml = parse(render(renderer, SampleReports.mixed()));

        NodeList outs = xml.getElementsByTagName("system-out");
        Element last = (Element) outs.item(outs.getLength() - 1);
        assertThat(last.getParentNode().getNodeName()).isEqualTo("testsuite");
        assertThat(last.getTextContent()).startsWith("note: ignore entry at .breakwater-ignore.yaml:3");
    }

    @Test
    void the_twilio_messaging_diff_reads_back_with_the_right_counts() throws Exception {
        Report report = SampleReports.twilioMessaging();
        Summary s = report.summary();

        Document xml = parse(render(renderer, report));

        int expected = s.total() + (s.breaking() == 0 ? 1 : 0);
        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(expected);
        assertThat(xml.getDocumentElement().getAttribute("tests")).isEqualTo(String.valueOf(expected));
        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo(String.valueOf(s.breaking()));
        assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(s.breaking());
    }

    private static Element testcase(Document xml, int index) {
        return (Element) xml.getElementsByTagName("testcase").item(index);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
