package org.breakwater.web;

import org.breakwater.cli.common.Times;
import org.breakwater.deployday.board.ErrorRates;

/**
 * The board's live error rates (docs/deployment-day.md): per service, the cut-over and a table of
 * consumer x operation with the share of calls answered 4xx/5xx before and since it; rows past the
 * detection policy's thresholds marked failing. The board reloads itself while it is watched.
 */
final class BoardRates {
    private BoardRates() {
    }

    static void render(Html h, ErrorRates rates) {
        h.tag("<h2 id=\"error-rates\">Error rates, before and since the cut-over</h2>");
        if (rates.services().isEmpty()) {
            h.el("p", "No traffic counted for this plan.");
        }
        for (ErrorRates.Service s : rates.services()) {
            if (s.cutOver().isEmpty()) {
                h.el("p", s.service() + " " + s.version() + ": not deployed yet (record-deployment); nothing to compare.");
                continue;
            }
            h.el("p", s.service() + " " + s.version() + " since " + Times.show(s.cutOver().get()) + ":");
            if (s.rows().isEmpty()) {
                h.el("p", "No consumer has an error since the cut-over.");
                continue;
            }
            h.tag("<table class=\"rates\"><tr><th>Consumer</th><th>Operation</th><th>Before</th><th>Since</th>"
                    + "<th>Last call</th></tr>");
            for (ErrorRates.Row r : s.rows()) {
                h.tag("<tr class=\"" + (r.failing() ? "failed" : "met") + "\"><td>").text(r.consumer()
                        + (r.known() ? "" : " (unknown)")).tag("</td><td>").text(r.operation() + (r.removed()
                        ? " (removed)" : "")).tag("</td><td>").text(ErrorRates.share(r.errorsBefore(), r.callsBefore()))
                        .tag("</td><td>").text(ErrorRates.share(r.errorsAfter(), r.callsAfter()) + (r.failing() ? " failing" : ""))
                        .tag("</td><td>").text(r.lastCall().map(Times::show).orElse(r.callsBefore() > 0
                                ? "no call since" : "—")).tag("</td></tr>");
            }
            h.tag("</table>");
            if (s.more() > 0) {
                h.el("p", s.more() + " more not shown.");
            }
        }
    }
}
