package org.breakwater.traffic.parse;

import java.util.Map;

/**
 * Turns one access-log line into a {@link LogRecord}, or a {@link LineProblem} saying where and
 * why it cannot. Ordinary malformed lines never throw. Implementations are thread-safe.
 *
 * <p>Supported: Apache/nginx {@link #common()} and {@link #combined()}, any nginx
 * {@code log_format} string ({@link #nginx(String)}), and JSON lines ({@link #jsonLines(Map)}).
 * HAProxy's log formats are not supported.
 */
public interface LogFormat {

    /** nginx's and Apache's common format. */
    String COMMON = "$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent";

    /** nginx's and Apache's combined format: common plus referer and user agent. */
    String COMBINED = COMMON + " \"$http_referer\" \"$http_user_agent\"";

    ParseResult parse(String line);

    /**
     * Reads an ASCII line in place, without decoding it: true and {@code out} filled when the line
     * is a record whose fields {@link #parse} would read the same; false when it cannot tell, and
     * the line must go through {@link #parse}. Formats that cannot scan return false.
     */
    default boolean scan(byte[] line, int from, int to, ScannedLine out) {
        return false;
    }

    static LogFormat common() {
        return nginx(COMMON);
    }

    static LogFormat combined() {
        return nginx(COMBINED);
    }

    /**
     * A format in nginx {@code log_format} syntax, such as
     * {@code $remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_x_api_key"}.
     *
     * @throws IllegalArgumentException when the format string is malformed or lacks a required field
     */
    static LogFormat nginx(String format) {
        return NginxLogFormat.compile(format);
    }

    /**
     * JSON lines: one flat JSON object per line. {@code fieldNames} renames the keys read for each
     * {@link JsonField} (the rest keep their defaults); every other key goes to
     * {@link LogRecord#extra()}.
     */
    static LogFormat jsonLines(Map<JsonField, String> fieldNames) {
        return new JsonLinesFormat(fieldNames);
    }
}
