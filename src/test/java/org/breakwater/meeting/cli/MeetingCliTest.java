package org.breakwater.meeting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.breakwater.cli.Main;
import org.breakwater.meeting.MeetBotLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code breakwater meeting} on a copy of the demo's store: ingest from a file and from a real
 * local HTTP server (allowlist, redirects, size), list, show, confirm, agenda, and the bad input
 * the issue names, each a one-line error with exit 2 and nothing recorded.
 */
class MeetingCliTest {
    static final LocalDate YESTERDAY = LocalDate.now(ZoneOffset.UTC).minusDays(1);

    @TempDir
    static Path demo;

    @TempDir
    Path dir;

    HttpServer server;
    HttpServer other;
    String out;
    String err;

    @BeforeAll
    static void makeDemo() {
        assertThat(Main.run(new String[] {"demo", "--no-serve", "--dir", demo.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))).isZero();
    }

    @BeforeEach
    void copyStore() throws IOException {
        Files.createDirectories(dir.resolve("store"));
        Files.copy(demo.resolve("store/breakwater.db"), dir.resolve("store/breakwater.db"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @AfterEach
    void stopServers() {
        if (server != null) {
            server.stop(0);
        }
        if (other != null) {
            other.stop(0);
        }
    }

    int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        String[] all = new String[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data-dir=" + dir.resolve("store");
        int code = Main.run(all, new PrintWriter(o), new PrintWriter(e));
        out = o.toString();
        err = e.toString();
        return code;
    }

    Path file(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    static byte[] minutes() {
        return MeetBotLog.bytes(YESTERDAY, "18:01:00 <nirik> #topic bodhi2 after F21 (BW-2)",
                "18:02:00 <nirik> #topic pkgdb and bodhi", "18:03:00 <nirik> #agreed fedocal is not essential",
                "18:04:00 <nirik> #agreed wikii is not essential", "18:05:00 <nirik> #action lmacken to port BW-2 consumers");
    }

    /** The default policy, fetching minutes only from {@code hosts}. */
    Path policy(String hosts) throws IOException {
        String text;
        try (InputStream in = Main.class.getResourceAsStream("/policy/default-policy.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return file("policy.yaml", text.replaceAll("minutesHosts: \\[[^]]*]", "minutesHosts: [" + hosts + "]")
                .getBytes(StandardCharsets.UTF_8));
    }

    int meetings() {
        assertThat(run("meeting", "list", "--json")).isZero();
        try {
            return new ObjectMapper().readTree(out).size();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void a_file_of_minutes_is_ingested_shown_listed_and_its_ambiguous_item_confirmed() throws Exception {
        int before = meetings();
        Path f = file("infrastructure." + YESTERDAY + "-18.00.log.txt", minutes());
        assertThat(run("meeting", "ingest", f.toString(), "--by", "nirik")).as(err).isZero();
        assertThat(out).contains("Meeting ").contains("line 6: TOPIC <nirik> bodhi2 after F21 (BW-2)")
                .contains("applied: recorded meeting evidence on plan BW-2")
                .contains("pending: ambiguous").contains("breakwater meeting confirm ")
                .contains("unmatched: not matched: 'wikii' is not a service in the catalog")
                .contains("follow-up ");
        assertThat(meetings()).isEqualTo(before + 1);
        long id = new ObjectMapper().readTree(out).get(0).get("id").asLong();
        assertThat(run("meeting", "show", Long.toString(id), "--json")).isZero();
        JsonNode shown = new ObjectMapper().readTree(out);
        JsonNode pending = null;
        for (JsonNode i : shown.get("items")) {
            if (i.get("state").asText().equals("pending")) {
                pending = i;
            }
        }
        assertThat(pending).isNotNull();
        assertThat(run("meeting", "confirm", pending.get("id").asText(), "service:bodhi", "--by", "pingou")).as(err).isZero();
        assertThat(out).contains("confirmed: confirmed by pingou");
        assertThat(run("meeting", "confirm", pending.get("id").asText(), "service:bodhi")).isEqualTo(2);
        assertThat(err).contains("is confirmed, not waiting for a person");
        assertThat(run("meeting", "show", Long.toString(id))).isZero();
        assertThat(out).contains("confirmed: confirmed by pingou");
        assertThat(run("meeting", "show", "999")).isEqualTo(2);
        assertThat(err.strip()).isEqualTo("breakwater meeting show: no meeting 999 (breakwater meeting list)");
    }

    @Test
    void a_follow_up_is_marked_done_once_and_a_second_time_is_refused_in_one_line_with_exit_2() throws Exception {
        Path f = file("infrastructure." + YESTERDAY + "-18.00.log.txt", minutes());
        assertThat(run("meeting", "ingest", f.toString(), "--json")).as(err).isZero();
        String followUp = new ObjectMapper().readTree(out).get("followUps").get(0).get("id").asText();
        assertThat(run("meeting", "done", followUp, "--by", "lmacken")).as(err).isZero();
        assertThat(out.strip()).isEqualTo("follow-up " + followUp + " done");
        assertThat(run("meeting", "done", followUp)).isEqualTo(2);
        assertThat(err.strip()).isEqualTo("breakwater meeting done: no open follow-up " + followUp);
        assertThat(out).isEmpty();
    }

    @Test
    void the_json_ingest_is_refused_the_second_time_with_nothing_recorded_twice() throws Exception {
        Path f = file("a.log.txt", minutes());
        assertThat(run("meeting", "ingest", f.toString(), "--json")).isZero();
        JsonNode shown = new ObjectMapper().readTree(out);
        assertThat(shown.get("meeting").get("source").asText()).isEqualTo(f.toString());
        assertThat(shown.get("items").get(0).get("outcome").asText()).contains("meeting evidence on plan BW-2");
        assertThat(shown.get("followUps").get(0).get("plan").asLong()).isEqualTo(2);
        int count = meetings();
        assertThat(run("meeting", "ingest", file("b.log.txt", minutes()).toString())).isEqualTo(2);
        assertThat(err.strip()).contains("was ingested already from " + f).endsWith("nothing recorded twice")
                .doesNotContain("\n").doesNotContain("Exception");
        assertThat(meetings()).isEqualTo(count);
    }

    @Test
    void bad_minutes_are_refused_in_one_line_with_exit_2_and_nothing_stored() throws Exception {
        int before = meetings();
        assertThat(run("meeting", "ingest", file("notes.md", "# notes\n\nfedocal is fine\n".getBytes(StandardCharsets.UTF_8))
                .toString())).isEqualTo(2);
        assertThat(err).startsWith("breakwater meeting ingest: ").contains("notes.md: unknown format");
        byte[] latin1 = MeetBotLog.of(YESTERDAY, "18:01:00 <nirik> #info café BW-2").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(run("meeting", "ingest", file("latin1.log.txt", latin1).toString())).isEqualTo(2);
        assertThat(err).contains("latin1.log.txt:6:").contains("iconv");
        assertThat(run("meeting", "ingest", file("huge.log.txt", new byte[6 * 1024 * 1024]).toString())).isEqualTo(2);
        assertThat(err).contains("too large");
        assertThat(run("meeting", "ingest", dir.resolve("missing.txt").toString())).isEqualTo(2);
        assertThat(err.strip()).endsWith("missing.txt: no such file");
        assertThat(meetings()).isEqualTo(before);
        String cut = MeetBotLog.of(YESTERDAY, "18:01:00 <nirik> #topic BW-2");
        cut = cut.substring(0, cut.indexOf("18:30:00"));
        assertThat(run("meeting", "ingest", file("cut.log.txt", cut.getBytes(StandardCharsets.UTF_8)).toString())).isZero();
        assertThat(out).contains("TRUNCATED");
    }

    HttpServer serve(String path, int status, String location, byte[] body) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext(path, x -> {
            if (location != null) {
                x.getResponseHeaders().add("Location", location);
            }
            x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(body);
            }
        });
        s.start();
        return s;
    }

    @Test
    void minutes_are_fetched_by_url_from_an_allowed_host() throws Exception {
        server = serve("/m.log.txt", 200, null, minutes());
        int port = server.getAddress().getPort();
        String url = "http://127.0.0.1:" + port + "/m.log.txt";
        assertThat(run("meeting", "ingest", url, "--policy", policy("\"127.0.0.1:" + port + "\"").toString()))
                .as(err).isZero();
        assertThat(out).contains("from " + url).contains("recorded meeting evidence on plan BW-2");
    }

    @Test
    void a_url_on_a_host_outside_the_allowlist_is_refused_before_any_request() throws Exception {
        server = serve("/m.log.txt", 200, null, minutes());
        int port = server.getAddress().getPort();
        int before = meetings();
        assertThat(run("meeting", "ingest", "http://127.0.0.1:" + port + "/m.log.txt")).isEqualTo(2);
        assertThat(err.strip()).isEqualTo("breakwater meeting ingest: 127.0.0.1:" + port + " is not a host minutes may"
                + " be fetched from (policy meeting.minutesHosts: meetbot.fedoraproject.org)");
        assertThat(meetings()).isEqualTo(before);
    }

    @Test
    void a_redirect_off_the_allowlist_is_not_followed_and_one_on_it_is() throws Exception {
        server = serve("/m.log.txt", 200, null, minutes());
        int port = server.getAddress().getPort();
        String target = "http://localhost:" + port + "/m.log.txt";
        other = serve("/r", 302, target, new byte[0]);
        int redirector = other.getAddress().getPort();
        String url = "http://127.0.0.1:" + redirector + "/r";
        int before = meetings();
        assertThat(run("meeting", "ingest", url, "--policy", policy("\"127.0.0.1:" + redirector + "\"").toString()))
                .isEqualTo(2);
        assertThat(err).contains("localhost:" + port + " is not a host minutes may be fetched from")
                .contains("(redirected there from " + url + ")");
        assertThat(meetings()).isEqualTo(before);
        assertThat(run("meeting", "ingest", url, "--policy", policy("\"127.0.0.1:" + redirector + "\", \"localhost:"
                + port + "\"").toString())).as(err).isZero();
        assertThat(out).contains("from " + target);
    }

    @Test
    void a_huge_or_missing_document_at_an_allowed_url_is_refused() throws Exception {
        server = serve("/huge.log.txt", 200, null, new byte[6 * 1024 * 1024]);
        int port = server.getAddress().getPort();
        Path allowed = policy("\"127.0.0.1:" + port + "\"");
        assertThat(run("meeting", "ingest", "http://127.0.0.1:" + port + "/huge.log.txt", "--policy", allowed.toString()))
                .isEqualTo(2);
        assertThat(err).contains("too large: more than 5242880 bytes");
        assertThat(run("meeting", "ingest", "http://127.0.0.1:" + port + "/gone.log.txt", "--policy", allowed.toString()))
                .isEqualTo(2);
        assertThat(err).contains("answered HTTP 404");
    }

    @Test
    void the_agenda_lists_what_the_next_meeting_must_discuss_with_lines_to_paste() throws Exception {
        assertThat(run("meeting", "agenda")).as(err).isZero();
        assertThat(out).startsWith("Agenda of the weekly meeting, Thursday ").contains(" in #fedora-meeting")
                .contains("#topic BW-2 bodhi2")
                .contains("#topic BW-1 pingou to send the API-break notice and the outage announcement for BW-1");
        assertThat(run("incident", "open", "--service", "pkgdb", "--title", "bodhi cannot read ACLs", "--plan", "1"))
                .as(err).isZero();
        assertThat(run("meeting", "agenda")).isZero();
        assertThat(out).contains("Open incident:\n  BW-1 bodhi cannot read ACLs").contains("#topic BW-1 bodhi cannot read ACLs");
        assertThat(run("meeting", "agenda", "--json", "--date", "2099-01-01")).isZero();
        JsonNode a = new ObjectMapper().readTree(out);
        assertThat(a.get("occurrence").asText()).startsWith("2099-01-01T18:00Z");
        assertThat(a.get("lines").get(0).asText()).startsWith("#topic ");
        assertThat(run("meeting", "agenda", "--date", "someday")).isEqualTo(2);
        assertThat(err.strip()).isEqualTo("breakwater meeting agenda: --date 'someday' is not a date; write it as YYYY-MM-DD");
    }
}
