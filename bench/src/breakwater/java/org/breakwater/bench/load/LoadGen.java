package org.breakwater.bench.load;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop HTTP/1.1 load generator for bench/load.sh: sends GET requests at a fixed rate,
 * whatever the server's answers take, and measures each request's latency from the time it
 * was <em>scheduled</em> to be sent (not from when it was actually sent), so a server that stalls
 * is charged for every request that should have gone out meanwhile (no coordinated omission;
 * the same model as wrk2).
 *
 * <pre>LoadGen --port P --paths FILE --rate R --duration S [--warmup S] [--connections 32]
 *        [--host 127.0.0.1] [--timeout-ms 600000] [--grace S] [--label NAME] [--out FILE.properties]</pre>
 *
 * <p>Request i (i = 0, 1, ...) is due at start + i / R and asks for line i mod n of the paths
 * file. {@code --connections} keep-alive connections, one thread each: a thread takes the next
 * due request, waits for its time, sends it and reads the whole answer (Content-Length or
 * chunked). When every connection is busy the next requests wait, and that wait counts in their
 * latency. A warm-up phase at the same rate comes first (not counted). A phase schedules R x S
 * requests; any that have not been answered {@code --grace} seconds after the last one was due
 * (the cut-off) are counted as <em>not completed</em>, an error, and enter the percentiles with
 * the lower bound of their latency (cut-off minus due time), marked as such. A request is given
 * until the cut-off (or {@code --timeout-ms}, if shorter: then it is a timeout, also an error and
 * also a lower bound), so the generator never abandons work the server is still doing, except at
 * the end of a phase.
 *
 * <p>Writes achieved throughput, p50/p90/p99/p99.9/max of latency (from due time) and of service
 * time (from the actual send), errors by kind, bytes, and how late the generator itself sent
 * requests on an idle connection (a check on the generator).
 */
public final class LoadGen {
    private final String host;
    private final int port;
    private final List<byte[]> requests = new ArrayList<>();
    private final double rate;
    private final int connections;
    private final int timeoutMs;

    private LoadGen(String host, int port, List<String> paths, double rate, int connections, int timeoutMs) {
        this.host = host;
        this.port = port;
        this.rate = rate;
        this.connections = connections;
        this.timeoutMs = timeoutMs;
        for (String p : paths) {
            requests.add(("GET " + p + " HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nUser-Agent: breakwater-loadgen\r\nAccept: */*\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        List<String> paths = Files.readAllLines(Path.of(o.get("--paths"))).stream().filter(l -> !l.isBlank()).toList();
        LoadGen gen = new LoadGen(o.getOrDefault("--host", "127.0.0.1"), Integer.parseInt(o.get("--port")), paths,
                Double.parseDouble(o.get("--rate")), Integer.parseInt(o.getOrDefault("--connections", "32")),
                Integer.parseInt(o.getOrDefault("--timeout-ms", "600000")));
        double warmup = Double.parseDouble(o.getOrDefault("--warmup", "0"));
        double duration = Double.parseDouble(o.get("--duration"));
        double grace = Double.parseDouble(o.getOrDefault("--grace", "5"));
        String label = o.getOrDefault("--label", "run");
        if (warmup > 0) {
            Result w = gen.phase(warmup, grace);
            System.err.printf(Locale.ROOT, "   %s warm-up: %s%n", label, w.summary());
        }
        String loadStart = loadAverage();
        Result r = gen.phase(duration, grace);
        String loadEnd = loadAverage();
        System.err.printf(Locale.ROOT, "   %s: %s%n", label, r.summary());
        if (o.containsKey("--out")) {
            Map<String, String> props = r.properties();
            props.put("label", label);
            props.put("warmup_s", fmt(warmup));
            props.put("connections", Integer.toString(gen.connections));
            props.put("paths", Integer.toString(paths.size()));
            props.put("grace_s", fmt(grace));
            props.put("load_start", loadStart);
            props.put("load_end", loadEnd);
            LoadSetup.writeProperties(Path.of(o.get("--out")), props);
        }
    }

    /** The 1, 5 and 15 minute load averages. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** What one phase measured. Latencies in microseconds. */
    record Result(double rate, double seconds, long scheduled, long completed, long ok, long non2xx, long socketErrors,
                  long timeouts, long notCompleted, long bytes, long[] latencyUs, long[] serviceUs, long[] sendLagUs,
                  long censoredFromUs, double elapsedS) {
        /** Answers (2xx or not) per second, from the first due time to the last answer (or the last due time). */
        double throughput() {
            return completed / elapsedS;
        }

        long errors() {
            return non2xx + socketErrors + timeouts + notCompleted;
        }

        String summary() {
            return String.format(Locale.ROOT, "target %s/s: %,d scheduled, %,d answered in %.1f s (%.1f/s),"
                            + " p50 %s, p99 %s, max %s ms; errors %,d (non-2xx %d, socket %d, timeout %d, not completed %d)",
                    fmt(rate), scheduled, completed, elapsedS, throughput(), ms(pct(latencyUs, 50)), ms(pct(latencyUs, 99)),
                    ms(max(latencyUs)), errors(), non2xx, socketErrors, timeouts, notCompleted);
        }

        Map<String, String> properties() {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("rate", fmt(rate));
            p.put("duration_s", fmt(seconds));
            p.put("elapsed_s", fmt(elapsedS));
            p.put("scheduled", Long.toString(scheduled));
            p.put("completed", Long.toString(completed));
            p.put("ok", Long.toString(ok));
            p.put("throughput", fmt(throughput()));
            p.put("errors", Long.toString(errors()));
            p.put("non2xx", Long.toString(non2xx));
            p.put("socket_errors", Long.toString(socketErrors));
            p.put("timeouts", Long.toString(timeouts));
            p.put("not_completed", Long.toString(notCompleted));
            p.put("bytes_per_response", fmt(completed == 0 ? 0 : (double) bytes / completed));
            for (double q : new double[] {50, 90, 99, 99.9}) {
                String k = q == 99.9 ? "p999" : "p" + (int) q;
                long v = pct(latencyUs, q);
                p.put(k + "_ms", ms(v));
                // a percentile at or above the first censored value is only a lower bound
                p.put(k + "_lower_bound", Boolean.toString(notCompleted + timeouts > 0 && v >= censoredFromUs));
                p.put("service_" + k + "_ms", ms(pct(serviceUs, q)));
            }
            p.put("max_ms", ms(max(latencyUs)));
            p.put("max_lower_bound", Boolean.toString(notCompleted + timeouts > 0 && max(latencyUs) >= censoredFromUs));
            p.put("service_max_ms", ms(max(serviceUs)));
            p.put("send_lag_p50_ms", ms(pct(sendLagUs, 50)));
            p.put("send_lag_p99_ms", ms(pct(sendLagUs, 99)));
            p.put("send_lag_max_ms", ms(max(sendLagUs)));
            return p;
        }
    }

    /** Nearest-rank percentile of sorted values; -1 when empty. */
    static long pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(q / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static long max(long[] sorted) {
        return sorted.length == 0 ? -1 : sorted[sorted.length - 1];
    }

    static String ms(long us) {
        return us < 0 ? "NaN" : fmt(us / 1000.0);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
    }

    /** Per-thread samples. */
    private static final class Samples {
        long[] latency = new long[1024];
        long[] service = new long[1024];
        int n;
        long answered;
        long[] lag = new long[1024];
        int lags;
        long ok;
        long non2xx;
        long socketErrors;
        long timeouts;
        long bytes;

        void add(long latencyUs, long serviceUs) {
            if (n == latency.length) {
                latency = Arrays.copyOf(latency, n * 2);
                service = Arrays.copyOf(service, n * 2);
            }
            latency[n] = latencyUs;
            service[n] = serviceUs;
            n++;
        }

        void lag(long us) {
            if (lags == lag.length) {
                lag = Arrays.copyOf(lag, lags * 2);
            }
            lag[lags++] = us;
        }
    }

    private Result phase(double seconds, double graceSeconds) throws InterruptedException {
        long total = Math.max(1, Math.round(rate * seconds));
        double intervalNs = 1e9 / rate;
        long start = System.nanoTime() + 20_000_000L;
        long lastDue = start + (long) ((total - 1) * intervalNs);
        long cutoff = lastDue + (long) (graceSeconds * 1e9);
        AtomicLong next = new AtomicLong();
        AtomicLong lastCompletion = new AtomicLong(start);
        List<Samples> all = new ArrayList<>();
        List<Long> censored = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Samples s = new Samples();
            all.add(s);
            Thread t = new Thread(() -> work(s, next, total, start, intervalNs, cutoff, lastCompletion, censored),
                    "loadgen-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long completed = 0;
        long recorded = 0;
        long ok = 0;
        long non2xx = 0;
        long socket = 0;
        long timeouts = 0;
        long bytes = 0;
        int lagCount = 0;
        for (Samples s : all) {
            recorded += s.n;
            completed += s.answered;
            ok += s.ok;
            non2xx += s.non2xx;
            socket += s.socketErrors;
            timeouts += s.timeouts;
            bytes += s.bytes;
            lagCount += s.lags;
        }
        long notCompleted = censored.size() - timeouts;
        long[] latency = new long[(int) (recorded + censored.size())];
        long[] service = new long[(int) recorded];
        long[] lag = new long[lagCount];
        int i = 0;
        int j = 0;
        int k = 0;
        for (Samples s : all) {
            System.arraycopy(s.latency, 0, latency, i, s.n);
            System.arraycopy(s.service, 0, service, j, s.n);
            System.arraycopy(s.lag, 0, lag, k, s.lags);
            i += s.n;
            j += s.n;
            k += s.lags;
        }
        long censoredFrom = Long.MAX_VALUE;
        synchronized (censored) {
            for (long c : censored) {
                latency[i++] = c;
                censoredFrom = Math.min(censoredFrom, c);
            }
        }
        Arrays.sort(latency);
        Arrays.sort(service);
        Arrays.sort(lag);
        // the schedule spans total intervals; a server that falls behind stretches it to its last answer
        double elapsed = (Math.max(lastCompletion.get(), lastDue + (long) intervalNs) - start) / 1e9;
        return new Result(rate, seconds, total, completed, ok, non2xx, socket, timeouts, notCompleted, bytes, latency,
                service, lag, censoredFrom, elapsed);
    }

    private void work(Samples s, AtomicLong next, long total, long start, double intervalNs, long cutoff,
                      AtomicLong lastCompletion, List<Long> censored) {
        Connection conn = null;
        byte[] buffer = new byte[64 * 1024];
        try {
            while (true) {
                long i = next.getAndIncrement();
                if (i >= total) {
                    return;
                }
                long due = start + (long) (i * intervalNs);
                long now = System.nanoTime();
                if (now >= cutoff) {
                    synchronized (censored) {
                        censored.add((cutoff - due) / 1000);
                    }
                    continue;
                }
                boolean waited = false;
                while ((now = System.nanoTime()) < due) {
                    waited = true;
                    long left = due - now;
                    if (left > 200_000) {
                        LockSupport.parkNanos(left - 100_000);
                    } else {
                        Thread.onSpinWait();
                    }
                }
                long sent = System.nanoTime();
                if (waited) {
                    s.lag((sent - due) / 1000); // the connection was free: how late the generator itself was
                }
                try {
                    if (conn == null) {
                        conn = new Connection(host, port, 10_000);
                    }
                    int remainingMs = (int) Math.max(1, Math.min(timeoutMs, (cutoff - System.nanoTime()) / 1_000_000));
                    conn.socket.setSoTimeout(remainingMs);
                    conn.out.write(requests.get((int) (i % requests.size())));
                    conn.out.flush();
                    Response r = conn.read(buffer);
                    long end = System.nanoTime();
                    s.add((end - due) / 1000, (end - sent) / 1000);
                    s.answered++;
                    lastCompletion.accumulateAndGet(end, Math::max);
                    s.bytes += r.bodyBytes;
                    if (r.status >= 200 && r.status < 300) {
                        s.ok++;
                    } else {
                        s.non2xx++;
                    }
                    if (r.close) {
                        conn.close();
                        conn = null;
                    }
                } catch (SocketTimeoutException e) {
                    // unanswered at the cut-off (not completed) or after --timeout-ms (a timeout): a lower bound
                    long end = System.nanoTime();
                    if (end < cutoff - 1_000_000) {
                        s.timeouts++;
                    }
                    synchronized (censored) {
                        censored.add((end - due) / 1000);
                    }
                    closeQuietly(conn);
                    conn = null;
                } catch (IOException e) {
                    long end = System.nanoTime();
                    s.socketErrors++;
                    s.add((end - due) / 1000, (end - sent) / 1000);
                    closeQuietly(conn);
                    conn = null;
                }
            }
        } finally {
            closeQuietly(conn);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            c.close();
        }
    }

    record Response(int status, long bodyBytes, boolean close) {
    }

    /** One keep-alive connection. */
    static final class Connection {
        final Socket socket;
        final OutputStream out;
        final InputStream in;

        Connection(String host, int port, int timeoutMs) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), timeoutMs);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        }

        Response read(byte[] buffer) throws IOException {
            String status = line();
            String[] parts = status.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP status line: " + status);
            }
            int code = Integer.parseInt(parts[1]);
            long length = -1;
            boolean chunked = false;
            boolean close = parts[0].equals("HTTP/1.0");
            String h;
            while (!(h = line()).isEmpty()) {
                int colon = h.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = h.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> {
                    }
                }
            }
            long body = 0;
            if (chunked) {
                while (true) {
                    String size = line();
                    int semi = size.indexOf(';');
                    long n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                    if (n == 0) {
                        while (!line().isEmpty()) {
                            // trailers
                        }
                        break;
                    }
                    skip(n, buffer);
                    body += n;
                    line();
                }
            } else if (length >= 0) {
                skip(length, buffer);
                body = length;
            } else {
                int r;
                while ((r = in.read(buffer)) >= 0) {
                    body += r;
                }
                close = true;
            }
            return new Response(code, body, close);
        }

        private void skip(long n, byte[] buffer) throws IOException {
            long left = n;
            while (left > 0) {
                int r = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (r < 0) {
                    throw new EOFException("connection closed in a response body");
                }
                left -= r;
            }
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    int len = sb.length();
                    if (len > 0 && sb.charAt(len - 1) == '\r') {
                        sb.setLength(len - 1);
                    }
                    return sb.toString();
                }
                sb.append((char) c);
            }
            throw new EOFException("connection closed");
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
