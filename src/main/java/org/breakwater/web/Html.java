package org.breakwater.web;

/**
 * HTML built as text, every value escaped on the way in: pages never pass a catalog entry,
 * a finding or evidence through unescaped. The layout is plain HTML with a little CSS,
 * readable without JavaScript.
 */
final class Html {
    private final StringBuilder b = new StringBuilder();

    static String escape(String s) {
        return escape(new StringBuilder(s.length() + 16), s).toString();
    }

    /** {@code s} escaped onto the end of {@code out} (plain runs copied whole). */
    private static StringBuilder escape(StringBuilder out, String s) {
        int plain = 0;
        for (int i = 0; i < s.length(); i++) {
            String entity = switch (s.charAt(i)) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (entity != null) {
                out.append(s, plain, i).append(entity);
                plain = i + 1;
            }
        }
        return out.append(s, plain, s.length());
    }

    /** Raw markup written by the page code itself (tags), never user data. */
    Html tag(String markup) {
        b.append(markup);
        return this;
    }

    /** Text, escaped. */
    Html text(String text) {
        escape(b, text);
        return this;
    }

    /** An element with escaped text content. */
    Html el(String tag, String text) {
        return tag("<" + tag + ">").text(text).tag("</" + tag.split(" ")[0] + ">");
    }

    /** A link whose address and text are both escaped. */
    Html link(String href, String text) {
        return tag("<a href=\"").text(href).tag("\">").text(text).tag("</a>");
    }

    /** A hidden form field carrying the CSRF token. */
    Html csrf(String token) {
        return tag("<input type=\"hidden\" name=\"csrf\" value=\"").text(token).tag("\">");
    }

    /** The page with the header for a visitor who is logged in as {@code session}'s user, or not. */
    static String page(String title, Html body, java.util.Optional<org.breakwater.auth.Session> session) {
        Html who = new Html();
        if (session.isPresent()) {
            org.breakwater.auth.Principal p = session.get().principal();
            who.tag("<form class=\"who\" method=\"post\" action=\"/logout\">").csrf(session.get().csrf())
                    .tag("<a href=\"/account\">").text(p.username() + " (" + p.role().id()
                            + p.team().map(t -> " of " + t).orElse("") + ")").tag("</a> ")
                    .tag("<button type=\"submit\">Log out</button></form>");
        } else {
            who.tag("<a class=\"who\" href=\"/login\">Log in</a>");
        }
        return page(title, body, who);
    }

    private static String page(String title, Html body, Html who) {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + " · Breakwater</title><style>"
                + "body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:0 1rem;color:#1d2733}"
                + "header{border-bottom:1px solid #d7dde4;padding:.6rem 0;margin-bottom:1rem}header a{margin-right:1rem}"
                + "table{border-collapse:collapse;width:100%;margin:.5rem 0 1.2rem}th,td{text-align:left;padding:.3rem .5rem;"
                + "border-bottom:1px solid #e6eaef;vertical-align:top}th{background:#f4f6f8}"
                + ".met{color:#1a7f37}.pending{color:#9a6700}.failed{color:#cf222e;font-weight:600}.waived{color:#6e7781}"
                + ".outside{background:#fff1c2;padding:0 .3rem;border-radius:3px;font-size:.85em}"
                + ".who{float:right;margin:0}form.inline{display:inline}.notice{background:#eef6ff;padding:.5rem .8rem;border-radius:4px}"
                + "fieldset{border:1px solid #d7dde4;margin:.5rem 0 1rem}label{display:inline-block;margin:.2rem .8rem .2rem 0}"
                + "pre.mail{background:#f8f9fa;border:1px solid #d7dde4;padding:.8rem;white-space:pre-wrap;max-width:52rem}"
                + "code{background:#f4f6f8;padding:0 .2rem}td{overflow-wrap:break-word}td code{white-space:normal}"
                + "table.gates td,td.long{overflow-wrap:anywhere}input,textarea,select{max-width:100%;box-sizing:border-box}pre{overflow-wrap:anywhere}"
                + "table.gates{table-layout:fixed}col.gate{width:19%}col.state{width:7%}col.due{width:11%}col.why{width:36%}"
                + "code.rule{font-size:.8em;color:#59636e}tr.actions td{background:#fafbfc;padding:.1rem .5rem .4rem}"
                + "details>summary{cursor:pointer;color:#0550ae}details form{margin:.4rem 0}#next{margin:.4rem 0}"
                + ".controls{margin:.6rem 0 1rem}.controls form{margin-right:.4rem}</style></head><body><header><strong>Breakwater</strong> "
                + "<a href=\"/\">Dashboard</a><a href=\"/calendar\">Calendar</a><a href=\"/meetings\">Meetings</a><a href=\"/incidents\">Incidents</a><a href=\"/compare\">Compare</a><a href=\"/staging/suites\">Suites</a><a href=\"/staging/parity\">Staging</a><a href=\"/api/v1/openapi.json\">API</a>" + who.b + "</header><main>"
                + "<h1>" + escape(title) + "</h1>" + body.b + "</main></body></html>\n";
    }
}
