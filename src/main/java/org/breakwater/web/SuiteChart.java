package org.breakwater.web;

import java.util.List;
import org.breakwater.staging.RunStatus;
import org.breakwater.staging.SuiteRun;

/**
 * A suite's runs as a server-rendered SVG bar chart, oldest on the left: one bar per run, its
 * height the tests run, the failed part red on top of the passed part green; a run with no tests
 * (error, timeout, interruption) is a short grey bar. Each bar has a title (tooltip) and links to
 * the run. No script, no external resource.
 */
final class SuiteChart {
    static final int WIDTH = 720;
    static final int HEIGHT = 160;

    private SuiteChart() {
    }

    static void svg(Html h, List<SuiteRun> oldestFirst) {
        int max = Math.max(1, oldestFirst.stream().mapToInt(SuiteRun::tests).max().orElse(1));
        int n = Math.max(1, oldestFirst.size());
        double slot = (double) (WIDTH - 40) / n;
        double bar = Math.max(2, slot * 0.7);
        int base = HEIGHT - 20;
        h.tag("<svg class=\"chart\" role=\"img\" aria-label=\"Runs of the suite, oldest first\" width=\"" + WIDTH
                + "\" height=\"" + HEIGHT + "\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" xmlns=\"http://www.w3.org/2000/svg\">");
        h.tag("<line x1=\"30\" y1=\"" + base + "\" x2=\"" + WIDTH + "\" y2=\"" + base + "\" stroke=\"#8c959f\"/>");
        h.tag("<text x=\"0\" y=\"14\" font-size=\"11\">" + max + "</text><text x=\"0\" y=\"" + base
                + "\" font-size=\"11\">0</text>");
        for (int i = 0; i < oldestFirst.size(); i++) {
            SuiteRun r = oldestFirst.get(i);
            double x = 34 + i * slot;
            double scale = (double) (base - 10) / max;
            int passed = r.tests() - r.failures() - r.skipped();
            h.tag("<a href=\"/staging/runs/" + r.id() + "\"><g><title>").text("#" + r.id() + " " + r.status().id() + ": "
                    + r.tests() + " tests, " + r.failures() + " failed, " + Requests.show(r.started())).tag("</title>");
            if (r.tests() == 0) {
                h.tag(rect(x, base - 6, bar, 6, r.status() == RunStatus.RUNNING ? "#54aeff" : "#8c959f"));
            } else {
                double hp = Math.max(0, passed) * scale;
                double hf = r.failures() * scale;
                double hs = r.skipped() * scale;
                h.tag(rect(x, base - hp, bar, hp, "#2da44e"));
                h.tag(rect(x, base - hp - hs, bar, hs, "#d4a72c"));
                h.tag(rect(x, base - hp - hs - hf, bar, hf, "#cf222e"));
            }
            h.tag("</g></a>");
        }
        h.tag("</svg>");
    }

    private static String rect(double x, double y, double w, double height, String fill) {
        return String.format(java.util.Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                x, y, w, height, fill);
    }
}
