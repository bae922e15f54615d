package org.breakwater.traffic.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NginxLogFormatTest {
    private static final String CUSTOM = "$remote_addr - $remote_user [$time_local] \"$request\" $status"
            + " $body_bytes_sent \"$http_referer\" \"$http_user_agent\" \"$http_x_api_key\" $host";

    private static LogRecord record(LogFormat format, String line) {
        ParseResult result = format.parse(line);
        assertThat(result).as("%s", result).isInstanceOf(LogRecord.class);
        return (LogRecord) result;
    }

    private static LineProblem problem(LogFormat format, String line) {
        ParseResult result = format.parse(line);
        assertThat(result).as("%s", result).isInstanceOf(LineProblem.class);
        return (LineProblem) result;
    }

    @Test
    void commonFormat() {
        LogRecord r = record(LogFormat.common(),
                "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326");
        assertThat(r).isEqualTo(new LogRecord(Instant.parse("2000-10-10T20:55:36Z"), "127.0.0.1",
                Optional.of("frank"), "GET", "/apache_pb.gif", "HTTP/1.0", 200, 2326, Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of()));
    }

    @Test
    void combinedFormat() {
        LogRecord r = record(LogFormat.combined(),
                "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif?a=1&b=2 HTTP/1.0\" 200 2326"
                        + " \"http://www.example.com/start.html\" \"Mozilla/4.08 [en] (Win98; I ;Nav)\"");
        assertThat(r).isEqualTo(new LogRecord(Instant.parse("2000-10-10T20:55:36Z"), "127.0.0.1",
                Optional.of("frank"), "GET", "/apache_pb.gif?a=1&b=2", "HTTP/1.0", 200, 2326,
                Optional.of("http://www.example.com/start.html"),
                Optional.of("Mozilla/4.08 [en] (Win98; I ;Nav)"), Optional.empty(), Map.of()));
    }

    @Test
    void escapedQuotesDashesAndIpv6() {
        LogRecord r = record(LogFormat.combined(),
                "2001:db8::1 - - [01/Jan/2024:00:00:00 +0000] \"GET /q?x=\\\"y\\\" HTTP/1.1\" 304 -"
                        + " \"-\" \"curl \\\"quoted\\\" \\\\ agent\"\r");
        assertThat(r.client()).isEqualTo("2001:db8::1");
        assertThat(r.remoteUser()).isEmpty();
        assertThat(r.target()).isEqualTo("/q?x=\"y\"");
        assertThat(r.status()).isEqualTo(304);
        assertThat(r.bytes()).isEqualTo(-1);
        assertThat(r.referer()).isEmpty();
        assertThat(r.userAgent()).contains("curl \"quoted\" \\ agent");
        assertThat(r.time()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void garbageRequestLinesAreMalformedNotCrashes() {
        LogFormat combined = LogFormat.combined();
        String prefix = "10.0.0.1 - - [01/Jan/2024:00:00:00 +0000] ";
        assertThat(problem(combined, prefix + "\"-\" 400 0 \"-\" \"-\""))
                .isEqualTo(new LineProblem(prefix.length() + 2, "malformed request line"));
        assertThat(problem(combined, prefix + "\"\\x16\\x03\\x01\\x00\" 400 157 \"-\" \"-\"").reason())
                .isEqualTo("malformed request line");
        assertThat(problem(combined, prefix + "\"GET /\" 400 0 \"-\" \"-\"").reason())
                .isEqualTo("malformed request line");
    }

    @Test
    void otherMalformedLinesSayWhereAndWhy() {
        LogFormat common = LogFormat.common();
        assertThat(problem(common, "just junk")).isEqualTo(new LineProblem(5, "expected ' - ' after $remote_addr"));
        assertThat(problem(common, "1.2.3.4 - - [99/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 1"))
                .isEqualTo(new LineProblem(14, "bad time"));
        assertThat(problem(common, "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 20x 1").reason())
                .isEqualTo("status is not a 3-digit number");
        assertThat(problem(common, "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0 200 1").reason())
                .isEqualTo("$request has no closing quote");
        assertThat(problem(common, "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 1 more"))
                .isEqualTo(new LineProblem(65, "unexpected text after the last field"));
    }

    @Test
    void customFormatKeepsApiKeyAndHost() {
        LogRecord r = record(LogFormat.nginx(CUSTOM),
                "192.0.2.7 - - [26/Nov/2026:12:00:01 +0100] \"POST /api/v1/items HTTP/2.0\" 201 17"
                        + " \"-\" \"client/1.0\" \"k-123\" api.example.org");
        assertThat(r).isEqualTo(new LogRecord(Instant.parse("2026-11-26T11:00:01Z"), "192.0.2.7",
                Optional.empty(), "POST", "/api/v1/items", "HTTP/2.0", 201, 17, Optional.empty(),
                Optional.of("client/1.0"), Optional.of("api.example.org"), Map.of("http_x_api_key", "k-123")));
    }

    @Test
    void customFormatWithSplitRequestIsoTimeAndUnknownVariable() {
        LogFormat format = LogFormat.nginx(
                "$time_iso8601 ${remote_addr} $request_method $request_uri $server_protocol $status $bytes_sent $request_time $http_host");
        LogRecord r = record(format, "2024-03-01T10:00:00+02:00 ::1 DELETE /x?id=1 HTTP/1.1 204 0 0.003 h.example");
        assertThat(r.time()).isEqualTo(Instant.parse("2024-03-01T08:00:00Z"));
        assertThat(r.client()).isEqualTo("::1");
        assertThat(r.method()).isEqualTo("DELETE");
        assertThat(r.target()).isEqualTo("/x?id=1");
        assertThat(r.protocol()).isEqualTo("HTTP/1.1");
        assertThat(r.bytes()).isZero();
        assertThat(r.host()).contains("h.example");
        assertThat(r.extra()).isEqualTo(Map.of("request_time", "0.003"));
    }

    @Test
    void badFormatStringsAreRefusedClearly() {
        assertThatThrownBy(() -> LogFormat.nginx("$remote_addr $ [$time_local] \"$request\" $status"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bad log format at column 14: '$' is not followed by a variable name");
        assertThatThrownBy(() -> LogFormat.nginx("$remote_addr$remote_user [$time_local] \"$request\" $status"))
                .hasMessageStartingWith("bad log format at column 13: $remote_user directly follows another variable");
        assertThatThrownBy(() -> LogFormat.nginx("${remote_addr [$time_local] \"$request\" $status"))
                .hasMessageStartingWith("bad log format at column 1: '${' is not closed by '}'");
        assertThatThrownBy(() -> LogFormat.nginx("$remote_addr [$time_local] \"$request\" $status $status"))
                .hasMessageStartingWith("bad log format at column 47: $status appears twice");
        assertThatThrownBy(() -> LogFormat.nginx("$remote_addr \"$request\" $status"))
                .hasMessageStartingWith("log format must contain a time ($time_local, $time_iso8601 or $msec)");
        assertThatThrownBy(() -> LogFormat.nginx(""))
                .hasMessageStartingWith("log format must contain a time");
    }
}
