package org.breakwater.traffic.parse;

/** The record fields a {@linkplain LogFormat#jsonLines JSON-lines format} reads, with default keys. */
public enum JsonField {
    TIME("time"),
    REMOTE_ADDR("remote_addr"),
    REMOTE_USER("remote_user"),
    METHOD("method"),
    /** The request target; when absent, target, method and protocol come from {@link #REQUEST}. */
    URI("uri"),
    /** The whole request line, {@code GET /path HTTP/1.1}. */
    REQUEST("request"),
    PROTOCOL("server_protocol"),
    STATUS("status"),
    BYTES("body_bytes_sent"),
    REFERER("http_referer"),
    USER_AGENT("http_user_agent"),
    HOST("host");

    private final String defaultKey;

    JsonField(String defaultKey) {
        this.defaultKey = defaultKey;
    }

    public String defaultKey() {
        return defaultKey;
    }
}
