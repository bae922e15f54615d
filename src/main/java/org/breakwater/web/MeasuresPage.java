package org.breakwater.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.breakwater.deployday.DayServices;
import org.breakwater.deployday.measures.FourKeys;
import org.breakwater.deployday.measures.Measures;
import org.breakwater.deployday.measures.MeasuresService;

/**
 * The measures page: DORA's four keys per team and service as a table, with charts drawn on the
 * server as inline SVG (no script): production deployments per week with the failed ones, and per
 * service the median lead time and the change failure rate. Also the post-mortem draft of a plan,
 * as a page and as a Markdown download.
 */
final class MeasuresPage {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 160;

    private final DayServices day;

    MeasuresPage(DayServices day) {
        this.day = day;
    }

    void register(Javalin server) {
        server.get("/measures", this::measures);
        server.get("/plans/{id}/postmortem", this::postmortem);
        server.get("/plans/{id}/postmortem.md", ctx -> {
            long id = Requests.id(ctx.pathParam("id"));
            ctx.header("Content-Disposition", "attachment; filename=\"plan-" + id + "-post-mortem.md\"")
                    .contentType("text/markdown; charset=utf-8").result(Requests.done(day.postmortem().draft(id), 404));
        });
    }

    private void postmortem(Context ctx) {
        long id = Requests.id(ctx.pathParam("id"));
        String md = Requests.done(day.postmortem().draft(id), 404);
        Html h = new Html().tag("<p>").link("/plans/" + id + "/postmortem.md", "Download the Markdown").tag(" · ")
                .link("/plans/" + id + "/board", "the board").tag("</p><pre class=\"mail\">").text(md).tag("</pre>");
        WebAuth.html(ctx, "Post-mortem draft", h);
    }

    private void measures(Context ctx) {
        int days = Requests.intParam(ctx, "days", 180, 1, MeasuresService.MAX_DAYS);
        Measures m = Requests.done(day.measures().keys(days), 400);
        Html h = new Html();
        h.el("p", "Production deployments over the last " + days + " days (" + Requests.show(m.from()) + " to "
                + Requests.show(m.to()) + "). docs/deployment-day.md defines each key.");
        h.tag("<h2>Deployments per week</h2>");
        weeks(h, m.weeks());
        h.tag("<h2>Four keys</h2><table><tr><th>Group</th><th>Deployments</th><th>Per week</th><th>Lead time"
                + " (median)</th><th>Change failure rate</th><th>Time to restore (median)</th></tr>");
        row(h, m.all());
        m.teams().forEach(k -> row(h, k));
        m.services().forEach(k -> row(h, k));
        h.tag("</table><h2>Lead time, staging to production, per service</h2>");
        bars(h, m.services(), k -> k.leadTime().map(d -> (double) d.toHours()).orElse(0.0), "h");
        h.tag("<h2>Change failure rate per service</h2>");
        bars(h, m.services(), k -> k.changeFailureRate().map(r -> r * 100).orElse(0.0), "%");
        WebAuth.html(ctx, "Measures", h);
    }

    private static void row(Html h, FourKeys k) {
        h.tag("<tr><td>").text(k.group()).tag("</td><td>").text(Integer.toString(k.deployments())).tag("</td><td>")
                .text(String.format(java.util.Locale.ROOT, "%.2f", k.perWeek())).tag("</td><td>")
                .text(span(k.leadTime())).tag("</td><td>")
                .text(k.changeFailureRate().map(r -> Math.round(r * 100) + "% (" + k.failures() + ")").orElse("—"))
                .tag("</td><td>").text(span(k.timeToRestore())).tag("</td></tr>");
    }

    static String span(Optional<Duration> d) {
        return d.map(x -> x.toDays() > 0 ? x.toDays() + "d " + x.toHoursPart() + "h" : x.toHours() + "h "
                + x.toMinutesPart() + "m").orElse("—");
    }

    /** Bars per week: deployments in blue, the failed ones in red over them. */
    private static void weeks(Html h, List<Measures.Week> weeks) {
        int max = Math.max(1, weeks.stream().mapToInt(Measures.Week::deployments).max().orElse(1));
        double w = (double) WIDTH / Math.max(1, weeks.size());
        h.tag("<svg role=\"img\" aria-label=\"deployments per week\" width=\"" + WIDTH + "\" height=\"" + (HEIGHT + 20)
                + "\" viewBox=\"0 0 " + WIDTH + " " + (HEIGHT + 20) + "\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (int i = 0; i < weeks.size(); i++) {
            Measures.Week wk = weeks.get(i);
            int bar = wk.deployments() * HEIGHT / max;
            int bad = wk.failures() * HEIGHT / max;
            String x = String.format(java.util.Locale.ROOT, "%.1f", i * w + 1);
            String width = String.format(java.util.Locale.ROOT, "%.1f", Math.max(1, w - 2));
            h.tag("<rect class=\"deploys\" x=\"" + x + "\" y=\"" + (HEIGHT - bar) + "\" width=\"" + width + "\" height=\""
                    + bar + "\" fill=\"#0969da\"><title>").text(Requests.show(wk.start()) + ": " + wk.deployments()
                    + " deployment(s), " + wk.failures() + " failed").tag("</title></rect>");
            if (bad > 0) {
                h.tag("<rect class=\"failed\" x=\"" + x + "\" y=\"" + (HEIGHT - bad) + "\" width=\"" + width
                        + "\" height=\"" + bad + "\" fill=\"#cf222e\"/>");
            }
        }
        h.tag("<text x=\"0\" y=\"" + (HEIGHT + 15) + "\" font-size=\"11\">").text("max " + max + " per week; red: failed")
                .tag("</text></svg>");
    }

    /** One horizontal bar per group, scaled to the largest value. */
    private static void bars(Html h, List<FourKeys> keys, Function<FourKeys, Double> value, String unit) {
        if (keys.isEmpty()) {
            h.el("p", "No production deployment in the window.");
            return;
        }
        double max = Math.max(1, keys.stream().mapToDouble(value::apply).max().orElse(1));
        int row = 18;
        h.tag("<svg role=\"img\" width=\"" + WIDTH + "\" height=\"" + keys.size() * row + "\" viewBox=\"0 0 " + WIDTH
                + " " + keys.size() * row + "\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (int i = 0; i < keys.size(); i++) {
            double v = value.apply(keys.get(i));
            int len = (int) Math.round(v / max * (WIDTH - 260));
            h.tag("<text x=\"0\" y=\"" + (i * row + 13) + "\" font-size=\"12\">").text(keys.get(i).group())
                    .tag("</text><rect class=\"bar\" x=\"160\" y=\"" + (i * row + 3) + "\" width=\"" + len
                            + "\" height=\"12\" fill=\"#0969da\"/><text x=\"" + (165 + len) + "\" y=\"" + (i * row + 13)
                            + "\" font-size=\"12\">").text(Math.round(v) + " " + unit).tag("</text>");
        }
        h.tag("</svg>");
    }
}
