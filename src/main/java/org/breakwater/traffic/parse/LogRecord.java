package org.breakwater.traffic.parse;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request from an access log.
 *
 * @param target the raw request target (path and query) as logged
 * @param protocol e.g. {@code HTTP/1.1}; empty when the format does not log it
 * @param bytes response bytes, -1 when logged as {@code -} or not logged
 * @param extra any other named fields (such as {@code http_x_api_key}); fields logged as
 *     {@code -} are left out
 */
public record LogRecord(
        Instant time,
        String client,
        Optional<String> remoteUser,
        String method,
        String target,
        String protocol,
        int status,
        long bytes,
        Optional<String> referer,
        Optional<String> userAgent,
        Optional<String> host,
        Map<String, String> extra)
        implements ParseResult {

    public LogRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(remoteUser, "remoteUser");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(referer, "referer");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(host, "host");
        if (status < 0 || status > 999) throw new IllegalArgumentException("status out of range: " + status);
        if (bytes < -1) throw new IllegalArgumentException("bytes must be >= -1: " + bytes);
        extra = Map.copyOf(extra); // no copy when already immutable, as the parsers build it
    }
}
