package org.breakwater.web;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counts and durations by route and status, in Prometheus' text format at
 * {@code /metrics}. Small on purpose: one counter and one duration sum per series.
 */
final class Metrics {
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> micros = new ConcurrentHashMap<>();

    void record(String method, String route, int status, double millis) {
        String key = "method=\"" + method + "\",route=\"" + escape(route) + "\",status=\"" + status + "\"";
        requests.computeIfAbsent(key, k -> new LongAdder()).increment();
        micros.computeIfAbsent(key, k -> new LongAdder()).add((long) (millis * 1000));
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    String text() {
        StringBuilder b = new StringBuilder();
        b.append("# HELP breakwater_http_requests_total HTTP requests answered.\n");
        b.append("# TYPE breakwater_http_requests_total counter\n");
        new TreeMap<>(requests).forEach((k, v) -> b.append("breakwater_http_requests_total{").append(k).append("} ")
                .append(v.sum()).append('\n'));
        b.append("# HELP breakwater_http_request_seconds_sum Time spent answering HTTP requests.\n");
        b.append("# TYPE breakwater_http_request_seconds_sum counter\n");
        new TreeMap<>(micros).forEach((k, v) -> b.append("breakwater_http_request_seconds_sum{").append(k).append("} ")
                .append(v.sum() / 1_000_000.0).append('\n'));
        return b.toString();
    }
}
