package org.breakwater.traffic.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonLinesFormatTest {
    private final LogFormat defaults = LogFormat.jsonLines(Map.of());

    @Test
    void defaultFieldNames() {
        ParseResult r = defaults.parse("{\"time\":\"2024-05-01T12:00:00.250Z\",\"remote_addr\":\"2001:db8::2\","
                + "\"remote_user\":\"-\",\"method\":\"GET\",\"uri\":\"/a?b=\\\"c\\\"\",\"server_protocol\":\"HTTP/1.1\","
                + "\"status\":200,\"body_bytes_sent\":\"512\",\"http_referer\":\"\",\"http_user_agent\":\"ua\\u00e9\","
                + "\"host\":\"h\",\"http_x_api_key\":\"k1\",\"upstream\":{\"a\":[1,\"}\"]},\"gone\":null}");
        assertThat(r).isEqualTo(new LogRecord(Instant.parse("2024-05-01T12:00:00.250Z"), "2001:db8::2",
                Optional.empty(), "GET", "/a?b=\"c\"", "HTTP/1.1", 200, 512, Optional.empty(),
                Optional.of("uaé"), Optional.of("h"),
                Map.of("http_x_api_key", "k1", "upstream", "{\"a\":[1,\"}\"]}")));
    }

    @Test
    void requestLineAndRenamedFields() {
        LogFormat format = LogFormat.jsonLines(Map.of(JsonField.TIME, "ts", JsonField.STATUS, "code"));
        ParseResult r = format.parse(
                " { \"ts\" : 1700000000.5 , \"remote_addr\" : \"10.1.1.1\", \"request\" : \"PUT /v2/x HTTP/2.0\", \"code\" : \"503\" } ");
        assertThat(r).isEqualTo(new LogRecord(Instant.parse("2023-11-14T22:13:20.500Z"), "10.1.1.1",
                Optional.empty(), "PUT", "/v2/x", "HTTP/2.0", 503, -1, Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of()));
    }

    @Test
    void malformedJsonIsAProblem() {
        assertThat(defaults.parse("not json")).isEqualTo(new LineProblem(1, "expected '{'"));
        assertThat(defaults.parse("{\"time\":\"2024-05-01T12:00:00Z\"")).isEqualTo(new LineProblem(31, "expected ',' or '}'"));
        assertThat(defaults.parse("{\"time\":\"yesterday\"}")).isEqualTo(new LineProblem(9, "bad time"));
        assertThat(defaults.parse("{\"time\":\"2024-05-01T12:00:00Z\"}")).isEqualTo(new LineProblem(1, "no client address"));
        assertThat(defaults.parse("{\"a\":\"x\\q\"}")).isEqualTo(new LineProblem(6, "bad value"));
        assertThat(defaults.parse("{\"time\":\"2024-05-01T12:00:00Z\",\"remote_addr\":\"h\",\"request\":\"-\",\"status\":400}"))
                .isEqualTo(new LineProblem(60, "malformed request line"));
    }

    @Test
    void aKeyUsedTwiceIsRefused() {
        assertThatThrownBy(() -> LogFormat.jsonLines(Map.of(JsonField.URI, "host")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JSON key \"host\" is used for both");
    }
}
