package org.breakwater.apidiff.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.breakwater.apidiff.report.SampleReports.render;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class HtmlRendererTest {
    private final HtmlRenderer renderer = new HtmlRenderer();

    @Test
    void the_page_is_well_formed_and_needs_nothing_from_outside() throws Exception {
        String html = render(renderer, SampleReports.mixed());

        parse(html);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\"").contains("<style>");
        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("src=")
                .doesNotContain("http://").doesNotContain("url(");
    }

    @Test
    void a_script_in_a_finding_message_appears_escaped() throws Exception {
        String html = render(renderer, SampleReports.oneBreaking("GET /\"><b>x", "<script>alert(1)</script> & more"));

        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more");
        assertThat(html).contains("<code>GET /&quot;&gt;&lt;b&gt;x</code>");
        assertThat(html).doesNotContain("<script>").doesNotContain("<b>");
        Document page = parse(html);
        assertThat(text(page, "//li/p[@class='message']")).isEqualTo("<script>alert(1)</script> & more");
    }

    @Test
    void the_title_names_both_files() throws Exception {
        Document page = parse(render(renderer, SampleReports.mixed()));

        assertThat(text(page, "/html/head/title")).isEqualTo("Breakwater diff: old.yaml → new.yaml");
    }

    @Test
    void the_summary_shows_each_count_in_a_colored_badge() throws Exception {
        String html = render(renderer, SampleReports.mixed());

        assertThat(html).contains("<span class=\"badge breaking\">2 breaking</span>")
                .contains("<span class=\"badge warning\">1 warning</span>")
                .contains("<span class=\"badge info\">2 info</span>")
                .contains("<span class=\"badge ignored\">1 ignored</span>")
                .contains(".badge.breaking{background:");
    }

    @Test
    void findings_are_grouped_by_level_then_by_operation() throws Exception {
        Document page = parse(render(renderer, SampleReports.mixed()));

        assertThat(count(page, "//section[@id='breaking']//li")).isEqualTo(2);
        assertThat(count(page, "//section[@id='warning']//li")).isEqualTo(1);
        assertThat(count(page, "//section[@id='info']/details//li")).isEqualTo(2);
        assertThat(text(page, "//section[@id='breaking']/h3[1]")).isEqualTo("GET /packages");
        assertThat(text(page, "//section[@id='breaking']/h3[2]")).isEqualTo("GET /packages/{name}");
        assertThat(text(page, "//section[@id='info']/details/h3[2]")).isEqualTo("(whole API)");
    }

    @Test
    void a_finding_shows_its_rule_with_the_explanation_and_where_it_is_written() throws Exception {
        Document page = parse(render(renderer, SampleReports.mixed()));

        String meta = "//section[@id='breaking']//li[1]/p[@class='meta']";
        assertThat(text(page, meta + "/a[@class='rule']")).isEqualTo("endpoint-removed");
        assertThat(text(page, meta + "/a/@title")).startsWith("an operation was removed without first being deprecated");
        assertThat(text(page, meta)).contains("old.yaml:12:5").contains("/paths/~1packages/get");
        assertThat(text(page, "//dt[@id='rule-endpoint-removed']/following-sibling::dd[1]"))
                .contains("every client calling it fails");
    }

    @Test
    void ignored_findings_and_notices_are_shown() throws Exception {
        Document page = parse(render(renderer, SampleReports.mixed()));

        assertThat(text(page, "//section[@id='ignored']//tr[2]/td[4]")).isEqualTo("pkgdb-cli 2.0 no longer sends it");
        assertThat(text(page, "//p[@class='notice']")).contains("expired on 2024-01-01");
    }

    @Test
    void a_report_without_changes_says_so() throws Exception {
        String html = render(renderer, SampleReports.empty());

        parse(html);
        assertThat(html).contains("<p>No changes found.</p>").doesNotContain("<section class=\"breaking\"");
    }

    @Test
    void characters_not_allowed_in_a_document_are_dropped() throws Exception {
        String html = render(renderer, SampleReports.oneBreaking("GET /a", "bell\u0007 nul\u0000 lone\uD800 ok"));

        parse(html);
        assertThat(html).contains("bell nul lone ok");
    }

    @Test
    void the_twilio_messaging_diff_lists_every_finding_under_its_level() throws Exception {
        Report report = SampleReports.twilioMessaging();
        Summary s = report.summary();

        Document page = parse(render(renderer, report));

        assertThat(count(page, "//section[@id='breaking']//li")).isEqualTo(s.breaking());
        assertThat(count(page, "//section[@id='warning']//li")).isEqualTo(s.warning());
        assertThat(count(page, "//section[@id='info']//li")).isEqualTo(s.info());
    }

    /** The page is written as XML-compatible HTML, so an XML parser is a strict well-formedness check. */
    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
    }

    private static String text(Document page, String xpath) throws Exception {
        return (String) XPathFactory.newInstance().newXPath().evaluate(xpath, page, XPathConstants.STRING);
    }

    private static int count(Document page, String xpath) throws Exception {
        return ((Double) XPathFactory.newInstance().newXPath().evaluate("count(" + xpath + ")", page,
                XPathConstants.NUMBER)).intValue();
    }
}
