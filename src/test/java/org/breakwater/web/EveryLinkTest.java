package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crawler over the demo as a new user meets it: the demo's data loaded the way {@code
 * breakwater demo} loads it, served by a real server, and every same-site link (and every GET
 * form) on every page followed breadth-first — logged out and logged in as each demo account
 * (viewer, service owner, admin). No page a page links to may answer 4xx or 5xx, except the
 * refusals listed in {@link #DELIBERATE}. Links to other sites are not followed; their shape is
 * checked.
 */
class EveryLinkTest {
    /** Pages fetched per visitor at most: the demo has about forty. */
    private static final int BOUND = 600;
    private static final Pattern HREF = Pattern.compile("<a\\s[^>]*?href=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern FORM = Pattern.compile("<form\\s([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    /** A time as machines write it (2026-12-05T05:44:09.303Z): pages show 2026-12-05 05:44 UTC. */
    private static final Pattern RAW_INSTANT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?Z");

    /**
     * Refusals that are the point, as "visitor STATUS path-pattern": none so far. A 403 is
     * deliberate only where the page did not offer the link to that visitor, and the crawler only
     * follows offered links, so an entry here needs a reason beside it.
     */
    private static final List<String> DELIBERATE = List.of();

    @TempDir
    static Path dir;

    static DemoSite demo;
    static WebServer server;
    static String base;

    @BeforeAll
    static void start() {
        demo = DemoSite.start(dir, new WebSettings(false, false, Optional.of("Demo accounts: pingou, nirik, adamwill")));
        server = demo.server();
        base = demo.base();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    /** What one visitor met: every page fetched with its status, and the links to other sites. */
    record Crawl(Map<String, Integer> status, Map<String, String> foundOn, Set<String> external, List<String> rawTimes) {
        List<String> failures(String visitor) {
            return status.entrySet().stream().filter(e -> e.getValue() >= 400)
                    .filter(e -> !deliberate(visitor, e.getValue(), e.getKey()))
                    .map(e -> e.getValue() + " " + e.getKey() + " (linked from " + foundOn.get(e.getKey()) + ")")
                    .toList();
        }
    }

    static boolean deliberate(String visitor, int status, String path) {
        return DELIBERATE.stream().map(d -> d.split(" ", 3))
                .anyMatch(d -> d[0].equals(visitor) && d[1].equals(Integer.toString(status)) && path.matches(d[2]));
    }

    @ParameterizedTest(name = "visitor {0}")
    @ValueSource(strings = {"anonymous", "adamwill", "pingou", "nirik"})
    void every_link_on_every_page_of_the_demo_answers_for_every_visitor(String visitor) throws Exception {
        Visitor browser = new Visitor(server);
        if (!visitor.equals("anonymous")) {
            browser.login(visitor);
            assertThat(browser.get("/").body()).contains(visitor + " (");
        }
        Crawl crawl = crawl(browser);
        assertThat(crawl.failures(visitor)).as("links answering an error, for " + visitor).isEmpty();
        assertThat(crawl.rawTimes()).as("pages showing a time as machines write it, for " + visitor).isEmpty();
        assertThat(crawl.status()).as("pages reached").hasSizeGreaterThan(30).hasSizeLessThan(BOUND)
                .containsKeys("/", "/plans/new", "/calendar", "/compare", "/services/pkgdb", "/plans/1", "/meetings",
                        "/meetings/agenda");
        assertThat(crawl.external()).as("links to other sites (the evidence of the demo's gates)")
                .anyMatch(l -> l.startsWith("https://lists.fedoraproject.org/"));
        for (String link : crawl.external()) {
            URI u = URI.create(link);
            assertThat(u.getScheme()).as(link).isIn("http", "https");
            assertThat(u.getHost()).as("a link to another site names its host: " + link).isNotNull().contains(".");
        }
    }

    @Test
    void the_dashboards_link_to_plan_a_deployment_opens_the_form() throws Exception {
        Visitor browser = new Visitor(server);
        assertThat(browser.get("/").body()).contains("href=\"/plans/new\"");
        HttpResponse<String> out = browser.get("/plans/new");
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(out.body()).contains("to plan a deployment");
        browser.login("pingou");
        HttpResponse<String> in = browser.get("/plans/new");
        assertThat(in.statusCode()).isEqualTo(200);
        assertThat(in.body()).contains("<form method=\"post\" action=\"/plans\"").contains("name=\"releases\"");
    }

    /** Breadth-first from the dashboard over every same-site link, redirects included, up to {@link #BOUND} pages. */
    private static Crawl crawl(Visitor browser) throws Exception {
        Map<String, Integer> status = new LinkedHashMap<>();
        Map<String, String> foundOn = new LinkedHashMap<>();
        Set<String> external = new TreeSet<>();
        List<String> rawTimes = new ArrayList<>();
        Deque<String> queue = new ArrayDeque<>(List.of("/"));
        foundOn.put("/", "(start)");
        while (!queue.isEmpty() && status.size() < BOUND) {
            String path = queue.removeFirst();
            HttpResponse<String> r = browser.get(path);
            status.put(path, r.statusCode());
            List<String> next = new ArrayList<>();
            r.headers().firstValue("Location").filter(l -> r.statusCode() / 100 == 3).ifPresent(next::add);
            if (r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                next.addAll(links(r.body()));
                Matcher raw = RAW_INSTANT.matcher(text(r.body()));
                if (raw.find()) {
                    rawTimes.add(path + ": " + raw.group());
                }
            }
            for (String link : next) {
                if (link.startsWith("#")) {
                    assertThat(r.body()).as("the anchor " + link + " on " + path).contains("id=\"" + link.substring(1) + "\"");
                    continue;
                }
                Optional<String> local = local(link);
                if (local.isEmpty()) {
                    external.add(link);
                } else if (!foundOn.containsKey(local.get())) {
                    foundOn.put(local.get(), path);
                    queue.addLast(local.get());
                }
            }
        }
        return new Crawl(status, foundOn, external, rawTimes);
    }

    /** What a reader sees of a page: its text and the tooltips of its charts, without markup, styles or scripts. */
    static String text(String html) {
        return unescape(html.replaceAll("(?s)<(script|style)\\b.*?</\\1>", " ").replaceAll("<[^>]*>", " "));
    }

    /** The page's links and the actions of its GET forms, unescaped. */
    static List<String> links(String html) {
        Set<String> out = new LinkedHashSet<>();
        Matcher a = HREF.matcher(html);
        while (a.find()) {
            out.add(unescape(a.group(1)));
        }
        Matcher f = FORM.matcher(html);
        while (f.find()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher at = ATTRIBUTE.matcher(f.group(1));
            while (at.find()) {
                attributes.put(at.group(1).toLowerCase(java.util.Locale.ROOT), unescape(at.group(2)));
            }
            if (attributes.getOrDefault("method", "get").equalsIgnoreCase("get")) {
                out.add(attributes.getOrDefault("action", ""));
            }
        }
        return List.copyOf(out);
    }

    /** A link's path on this server (without its fragment), or empty for another site. */
    static Optional<String> local(String link) {
        String l = link.contains("#") ? link.substring(0, link.indexOf('#')) : link;
        if (l.startsWith(base + "/")) {
            l = l.substring(base.length());
        }
        return l.startsWith("/") && !l.startsWith("//") ? Optional.of(l) : Optional.empty();
    }

    static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
