package org.breakwater.traffic.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link LogFormat#scan} reads a line in place exactly as {@link LogFormat#parse} reads it, or
 * declines: checked on valid lines of several formats and on many random mutations of them.
 */
class ScanTest {
    static final String CUSTOM = "$remote_addr - $remote_user [$time_local] \"$request\" $status"
            + " $body_bytes_sent \"$http_referer\" \"$http_user_agent\" \"$http_x_api_key\" $host $request_time";
    static final String SPLIT = "$time_iso8601 $remote_addr $request_method $request_uri $server_protocol $status"
            + " $bytes_sent ua=\"$http_user_agent\" key=$http_x_api_key";

    static final List<Map.Entry<LogFormat, String>> VALID = List.of(
            Map.entry(LogFormat.combined(), "10.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /p/1?q=2 HTTP/1.1\""
                    + " 200 2326 \"http://example.com/\" \"Mozilla/5.0 (X11) Firefox/120.0\""),
            Map.entry(LogFormat.combined(), "10.0.0.2 - - [10/Oct/2000:13:55:36 +0000] \"post /a%2Fb HTTP/2.0\" 404 - \"-\" \"-\""),
            Map.entry(LogFormat.common(), "::1 - - [31/Dec/1999:23:59:59 +0100] \"HEAD / HTTP/1.0\" 304 0"),
            Map.entry(LogFormat.nginx(CUSTOM), "192.0.2.7 - - [01/Jan/2024:00:00:00 +0000] \"PUT /x/y HTTP/1.1\" 201 5"
                    + " \"-\" \"curl/8.0\" \"k-123\" api.example.org 0.003"),
            Map.entry(LogFormat.nginx(CUSTOM), "192.0.2.7 - bob [01/Jan/2024:00:00:00 +0000] \"GET /x HTTP/1.1\" 200 5"
                    + " \"-\" \"\" \"-\" - -"),
            Map.entry(LogFormat.nginx(SPLIT), "2024-01-01T00:00:00.5+01:00 10.1.1.1 DELETE /v1/things/9 HTTP/1.1 204 120"
                    + " ua=\"python-requests/2.31\" key=abc"));

    /** What both readings must agree on: the fields the ingest uses. */
    static String view(LogRecord r) {
        return r.time() + "|" + r.client() + "|" + r.remoteUser() + "|" + r.userAgent() + "|" + r.method() + "|"
                + r.target() + "|" + new TreeMap<>(r.extra());
    }

    static String view(ScannedLine s) {
        Map<String, String> extra = new TreeMap<>();
        for (int i = 0; i < s.extraNames().length; i++) {
            if (s.extraNames()[i] != null && s.extraFrom(i) >= 0) {
                extra.put(s.extraNames()[i], s.text(s.extraFrom(i), s.extraTo(i)));
            }
            assertThat(s.extraIndex(s.extraNames()[i] == null ? "none" : s.extraNames()[i]))
                    .isEqualTo(s.extraNames()[i] == null ? -1 : i);
        }
        return s.time() + "|" + s.text(s.clientFrom(), s.clientTo()) + "|" + optional(s, s.userFrom(), s.userTo()) + "|"
                + optional(s, s.userAgentFrom(), s.userAgentTo()) + "|" + s.text(s.methodFrom(), s.methodTo()) + "|"
                + s.text(s.targetFrom(), s.targetTo()) + "|" + extra;
    }

    private static String optional(ScannedLine s, int from, int to) {
        return from < 0 ? "Optional.empty" : "Optional[" + s.text(from, to) + "]";
    }

    /** Scans {@code line} amid other bytes; checks it agrees with parse; true when scanned. */
    static boolean agree(LogFormat format, String line, ScannedLine out) {
        byte[] bytes = ("xx\n" + line + "\nyy").getBytes(StandardCharsets.ISO_8859_1);
        boolean scanned = format.scan(bytes, 3, bytes.length - 3, out);
        if (scanned) {
            ParseResult parsed = format.parse(line);
            assertThat(parsed).as("scanned but not parsed: %s", line).isInstanceOf(LogRecord.class);
            assertThat(view(out)).as(line).isEqualTo(view((LogRecord) parsed));
        }
        return scanned;
    }

    @Test
    void valid_lines_of_every_format_are_scanned_as_parse_reads_them() {
        ScannedLine out = new ScannedLine();
        for (Map.Entry<LogFormat, String> e : VALID) {
            assertThat(agree(e.getKey(), e.getValue(), out)).as(e.getValue()).isTrue();
        }
    }

    @Test
    void a_mutated_line_is_either_scanned_as_parse_reads_it_or_left_to_parse() {
        Random random = new Random(42);
        String alphabet = "\"\\ -[]/:?.0123456789aZ\t\u001c\r+";
        ScannedLine out = new ScannedLine();
        int scanned = 0;
        for (int n = 0; n < 60_000; n++) {
            Map.Entry<LogFormat, String> e = VALID.get(random.nextInt(VALID.size()));
            StringBuilder line = new StringBuilder(e.getValue());
            for (int m = 1 + random.nextInt(3); m > 0 && line.length() > 0; m--) {
                int at = random.nextInt(line.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> line.deleteCharAt(at);
                    case 1 -> line.insert(at, c);
                    default -> line.setCharAt(at, c);
                }
            }
            if (agree(e.getKey(), line.toString(), out)) {
                scanned++;
            }
        }
        assertThat(scanned).as("most mutations still make records").isGreaterThan(10_000);
    }

    @Test
    void lines_it_cannot_read_the_same_way_are_declined() {
        ScannedLine out = new ScannedLine();
        LogFormat combined = LogFormat.combined();
        String escaped = "10.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 1 \"-\" \"a \\\"quoted\\\" agent\"";
        assertThat(agree(combined, escaped, out)).isFalse();
        assertThat(agree(combined, "garbage", out)).isFalse();
        assertThat(agree(combined, "10.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 1 \"-\" \"-\" extra",
                out)).isFalse();
        assertThat(LogFormat.jsonLines(Map.of()).scan(new byte[] {'{', '}'}, 0, 2, out)).isFalse();
    }
}
