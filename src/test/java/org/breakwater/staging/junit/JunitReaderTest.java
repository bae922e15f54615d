package org.breakwater.staging.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.breakwater.staging.TestStatus.ERROR;
import static org.breakwater.staging.TestStatus.FAILED;
import static org.breakwater.staging.TestStatus.PASSED;
import static org.breakwater.staging.TestStatus.SKIPPED;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.breakwater.staging.ReportRead;
import org.breakwater.staging.TestCaseResult;
import org.breakwater.staging.TestReport;
import org.junit.jupiter.api.Test;

/** The common dialects, from files written the way each tool writes them. */
class JunitReaderTest {
    static Path fixture(String name) {
        try {
            return Path.of(JunitReaderTest.class.getResource("/staging/junit/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static TestReport read(String name) {
        ReportRead read = new JunitReader().read(fixture(name));
        assertThat(read).as(read.toString()).isInstanceOf(ReportRead.Read.class);
        return ((ReportRead.Read) read).report();
    }

    static TestCaseResult named(TestReport report, String name) {
        return report.cases().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void a_surefire_report_gives_every_case_with_its_status_message_and_output() {
        TestReport report = read("surefire-TEST-com.acme.cart.CartServiceTest.xml");

        assertThat(report.suites()).containsExactly(
                new TestReport.Suite("com.acme.cart.CartServiceTest", "", Duration.ofMillis(2417)));
        assertThat(report.cases()).extracting(TestCaseResult::status)
                .containsExactly(PASSED, FAILED, ERROR, SKIPPED, PASSED, FAILED);
        TestCaseResult tax = named(report, "totalIncludesTax");
        assertThat(tax.message()).isEqualTo("expected: <107.00> but was: <100.00>");
        assertThat(tax.details()).startsWith("org.opentest4j.AssertionFailedError").contains("CartServiceTest.java:58");
        assertThat(tax.output()).contains("cart 41 total 100.00 EUR");
        assertThat(tax.duration()).isEqualTo(Duration.ofMillis(34));
        assertThat(tax.id().value()).isEqualTo("com.acme.cart.CartServiceTest#totalIncludesTax");
        assertThat(named(report, "checkoutTalksToPayments").output()).contains("retrying payments");
        assertThat(named(report, "appliesVoucher").message()).isEqualTo("voucher service not in this environment");
        assertThat(report.totals()).isEqualTo(new TestReport.Totals(6, 2, 2, 1, 1, Duration.ofMillis(2417)));
    }

    @Test
    void surefire_reruns_are_counted_and_a_flaky_failure_still_counts_as_a_pass() {
        TestReport report = read("surefire-TEST-com.acme.cart.CartServiceTest.xml");

        TestCaseResult flaky = named(report, "keepsCartAcrossSessions");
        assertThat(flaky.status()).isEqualTo(PASSED);
        assertThat(flaky.reruns()).isEqualTo(1);
        assertThat(flaky.passedOnRerun()).isTrue();
        assertThat(flaky.output()).as("the rerun's output is not the case's").isEmpty();
        TestCaseResult stuck = named(report, "removesLastItem");
        assertThat(stuck.status()).isEqualTo(FAILED);
        assertThat(stuck.reruns()).isEqualTo(2);
        assertThat(stuck.passedOnRerun()).isFalse();
    }

    @Test
    void pytest_xunit2_on_one_line_gives_parametrised_cases_skips_and_setup_errors() {
        TestReport report = read("pytest-xunit2.xml");

        assertThat(report.suites()).extracting(TestReport.Suite::name, TestReport.Suite::hostname)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pytest", "ci-runner-3"));
        assertThat(report.cases()).extracting(c -> c.id().value()).containsExactly(
                "tests.test_cart#test_add_item", "tests.test_cart.TestCheckout#test_total[2-4]",
                "tests.test_cart.TestCheckout#test_total[1-3]", "tests.test_cart#test_voucher",
                "tests.test_db#test_migrations");
        assertThat(report.cases()).extracting(TestCaseResult::status).containsExactly(PASSED, FAILED, PASSED, SKIPPED,
                ERROR);
        assertThat(named(report, "test_total[2-4]").message()).isEqualTo("assert 5 == 4\n +  where 5 = total(2, 3)");
        assertThat(named(report, "test_total[2-4]").details()).contains(">       assert total(a, b) == 4");
        assertThat(named(report, "test_voucher").message()).isEqualTo("needs redis");
        assertThat(named(report, "test_migrations").message())
                .isEqualTo("failed on setup with \"fixture 'db' not found\"");
    }

    @Test
    void pytest_xunit1_keeps_captured_output_and_ignores_the_file_and_line_attributes() {
        TestReport report = read("pytest-xunit1.xml");

        assertThat(report.cases()).extracting(TestCaseResult::status).containsExactly(PASSED, FAILED, SKIPPED);
        assertThat(named(report, "test_place_order").output()).contains("order 17 placed");
        assertThat(named(report, "test_refund").output()).contains("legacy refund path");
        assertThat(named(report, "test_refund").message()).isEqualTo("ValueError: refund exceeds payment");
        assertThat(named(report, "test_export").message()).isEqualTo("export disabled on CI");
    }

    @Test
    void playwright_gives_one_suite_per_spec_file_with_the_project_as_host_and_skips_its_properties() {
        TestReport report = read("playwright-results.xml");

        assertThat(report.suites()).extracting(TestReport.Suite::name, TestReport.Suite::hostname).containsExactly(
                org.assertj.core.groups.Tuple.tuple("cart.spec.ts", "chromium"),
                org.assertj.core.groups.Tuple.tuple("login.spec.ts", "firefox"));
        assertThat(report.cases()).extracting(TestCaseResult::status).containsExactly(PASSED, FAILED, SKIPPED, PASSED);
        TestCaseResult total = named(report, "Cart › shows the total with tax");
        assertThat(total.classname()).isEqualTo("cart.spec.ts");
        assertThat(total.message()).isEqualTo("cart.spec.ts:18:7 shows the total with tax");
        assertThat(total.details()).contains("Expected string: \"107.00 €\"");
        assertThat(total.output()).contains("[[ATTACHMENT|cart-Cart-shows-the-total-with-tax-chromium/test-failed-1.png]]");
        assertThat(total.details()).doesNotContain("checkout-team");
        assertThat(total.duration()).isEqualTo(Duration.ofMillis(4779));
    }

    @Test
    void ant_and_jenkins_reports_with_nested_suites_and_grouped_times_are_read() {
        TestReport report = read("ant-jenkins.xml");

        assertThat(report.suites()).extracting(TestReport.Suite::name)
                .containsExactly("com.acme.legacy.InvoiceTest", "integration", "com.acme.legacy.ExportIT");
        assertThat(report.cases()).extracting(TestCaseResult::status).containsExactly(PASSED, FAILED, PASSED);
        TestCaseResult export = named(report, "exportsAll");
        assertThat(export.classname()).as("no classname: the innermost suite's name").isEqualTo("com.acme.legacy.ExportIT");
        assertThat(export.suite()).isEqualTo("com.acme.legacy.ExportIT");
        assertThat(export.duration()).isEqualTo(Duration.ofMillis(1_234_500));
        assertThat(named(report, "testNumbering").output()).as("suite-level output belongs to no case").isEmpty();
        assertThat(named(report, "testRounding").message()).isEqualTo("expected:<10.01> but was:<10.0>");
    }

    @Test
    void a_failure_without_a_message_attribute_takes_the_first_line_of_its_text() {
        ReportRead read = JunitReaderHostileTest.readString(new JunitReader(), """
                <testsuite name="s"><testcase classname="C" name="t"><failure type="java.lang.AssertionError">
                   java.lang.AssertionError: boom
                   at C.t(C.java:1)</failure></testcase></testsuite>""");

        TestCaseResult c = ((ReportRead.Read) read).report().cases().get(0);
        assertThat(c.message()).isEqualTo("java.lang.AssertionError: boom");
    }

    @Test
    void a_report_with_no_cases_is_an_empty_report_not_an_error() {
        ReportRead read = JunitReaderHostileTest.readString(new JunitReader(), "<testsuites/>");

        assertThat(((ReportRead.Read) read).report().cases()).isEqualTo(List.of());
    }
}
