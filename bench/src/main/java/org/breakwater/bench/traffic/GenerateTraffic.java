package org.breakwater.bench.traffic;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the inputs of bench/traffic.sh, deterministically from a seed: a 1,000-operation
 * OpenAPI 3.0 description, a Breakwater catalog with that service and the consumers that call it
 * (with identify rules), and a combined-format access log of the asked size.
 *
 * <pre>GenerateTraffic OUT_DIR [--size BYTES] [--seed N] [--operations N] [--shape realistic|consumers]</pre>
 *
 * <p>The shape: {@code realistic} (default: {@link RealisticLog}, 2,460 callers the catalog does not
 * know, high-cardinality ids, queries) or {@code consumers} (the log of the first benchmarks, below).
 *
 * <p>Writes {@code OUT_DIR/access.log}, {@code OUT_DIR/catalog/} (with
 * {@code apis/shop-api/openapi.yaml}) and {@code OUT_DIR/generated.properties} (what was asked,
 * what the log holds, and the deployment to record before its first line). The log is a stream
 * that stops at the first line end at or past the size, so a smaller size with the same seed
 * gives a prefix of a larger log.
 *
 * <p>The log: about 200 bytes a line, times increasing by 0–51 ms a line (about 3 days per
 * 2 GB) from {@link #START}; 95% of the lines call an operation of the API under {@code /api},
 * with concrete ids in its templates and sometimes a query; 5% call no operation (static files,
 * health checks, scanners, CORS preflights, wrong API paths); about one line in 200,000 is
 * malformed (empty, cut short, a TLS handshake sent to the HTTP port, a request line of "-").
 */
public final class GenerateTraffic {
    static final String SERVICE = "shop-api";
    static final String VERSION = "4.2.0";
    static final Instant START = Instant.parse("2026-11-02T00:00:00Z");
    /** The API version is deployed a day before the first line. */
    static final Instant DEPLOYED = START.minusSeconds(86_400);

    static final String[] STATIC = {"/", "/index.html", "/favicon.ico", "/robots.txt", "/manifest.json",
        "/static/js/app.8f3a2c1d.js", "/static/js/vendor.1b9e77aa.js", "/static/js/chunk-orders.55d0e2.js",
        "/static/css/main.4c1f0e92.css", "/static/img/logo.svg", "/static/img/hero@2x.webp",
        "/static/fonts/inter-var.woff2", "/sitemap.xml", "/apple-touch-icon.png"};
    private static final String[] PROBE_PATHS = {"/healthz", "/readyz", "/api/health"};
    static final String[] SCAN_PATHS = {"/wp-login.php", "/.env", "/.git/config", "/phpmyadmin/index.php",
        "/cgi-bin/luci/;stok=/locale", "/actuator/health", "/api/v1/../../../../etc/passwd", "/owa/auth/logon.aspx",
        "/boaform/admin/formLogin", "/HNAP1/", "/solr/admin/info/system?wt=json", "/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php",
        "/.aws/credentials", "/server-status", "/console/", "/xmlrpc.php", "/wp-content/plugins/", "/admin/config.php",
        "/.DS_Store", "/api/swagger-ui.html", "/api/v2/api-docs", "/config.json", "/backup.zip", "/shell?cd+/tmp"};
    static final String[] WRONG_API = {"/api/v3/orders", "/api/v1/ordres", "/api/v0/customers", "/api/graphql",
        "/api/v1/swagger.json", "/api/openapi.json", "/api/status", "/api/v1/invoice", "/api/v1/orders/1/refund"};
    private static final String[] WORDS = {"lamp", "chair", "red", "blue", "oak", "sofa", "desk", "mug", "rug", "shelf",
        "green", "vase", "led", "table", "linen", "wool", "steel", "glass", "mini", "pro"};
    private static final String[] FORMATS = {"csv", "json", "xlsx"};
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter CLF = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final SplittableRandom random;
    private final List<TrafficApi.Op> ops;
    private final byte[][][] opPieces;
    private final TrafficClients clients;
    private final int[] apiTable;
    private final byte[] out = new byte[1 << 20];
    private int pos;
    private long written;
    private long millis = START.toEpochMilli();
    private long second = -1;
    private final byte[] time = new byte[26];
    // what the log holds
    private long lines;
    private long apiLines;
    private long knownLines;
    private long unmatchedLines;
    private long malformedLines;

    /** What the log looks like: {@code realistic} (the default), or {@code consumers} (the log of the first benchmarks). */
    enum Shape { REALISTIC, CONSUMERS }

    private final RealisticLog realistic;

    GenerateTraffic(long seed, int operations) {
        this(seed, operations, Shape.CONSUMERS);
    }

    GenerateTraffic(long seed, int operations, Shape shape) {
        this.ops = shape == Shape.REALISTIC ? TrafficApi.resources(operations) : TrafficApi.operations(operations);
        this.clients = new TrafficClients(seed, ops);
        this.realistic = shape == Shape.REALISTIC ? new RealisticLog(this, seed) : null;
        this.random = new SplittableRandom(seed + 1);
        this.apiTable = TrafficClients.weightTable(clients.apiClients, 1 << 16);
        this.opPieces = new byte[ops.size()][][];
        for (int i = 0; i < ops.size(); i++) {
            String[] p = ops.get(i).pieces();
            opPieces[i] = new byte[p.length][];
            for (int k = 0; k < p.length; k++) {
                opPieces[i][k] = TrafficClients.ascii(p[k]);
            }
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args[0].startsWith("-")) {
            System.err.println("usage: GenerateTraffic OUT_DIR [--size BYTES] [--seed N] [--operations N] [--shape realistic|consumers]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        long size = 2_000_000_000L;
        long seed = 20_261_102L;
        int operations = 1_000;
        Shape shape = Shape.REALISTIC;
        for (int i = 1; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                System.err.println("GenerateTraffic: " + args[i] + " needs a value");
                System.exit(2);
            }
            switch (args[i]) {
                case "--size" -> size = Long.parseLong(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--operations" -> operations = Integer.parseInt(args[i + 1]);
                case "--shape" -> shape = Shape.valueOf(args[i + 1].toUpperCase(Locale.ROOT));
                default -> {
                    System.err.println("GenerateTraffic: unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        long started = System.nanoTime();
        GenerateTraffic g = new GenerateTraffic(seed, operations, shape);
        Files.createDirectories(dir);
        TrafficCatalog.write(dir.resolve("catalog"), SERVICE, VERSION, g.ops, g.clients);
        Path log = dir.resolve("access.log");
        try (OutputStream o = Files.newOutputStream(log)) {
            g.writeLog(o, size);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        try (PrintStream p = new PrintStream(Files.newOutputStream(dir.resolve("generated.properties")), true,
                StandardCharsets.UTF_8)) {
            p.println("size=" + size);
            p.println("seed=" + seed);
            p.println("shape=" + shape.name().toLowerCase(Locale.ROOT));
            p.println("operations=" + g.ops.size());
            p.println("service=" + SERVICE);
            p.println("version=" + VERSION);
            p.println("deployed_at=" + DEPLOYED);
            p.println("first_time=" + START);
            p.println("last_time=" + Instant.ofEpochMilli(g.millis));
            p.println("bytes=" + g.written);
            p.println("lines=" + g.lines);
            p.println("api_lines=" + g.apiLines);
            p.println("known_lines=" + g.knownLines);
            if (g.realistic != null) {
                p.println("callers=" + g.realistic.callers.size());
                p.println("query_lines=" + g.realistic.queryLines);
                p.println("resources=" + RealisticLog.RESOURCES);
                p.println("max_id=" + RealisticLog.MAX_ID);
            }
            p.println("unmatched_lines=" + g.unmatchedLines);
            p.println("malformed_lines=" + g.malformedLines);
            p.println("consumers=" + g.clients.consumers.size());
            p.println("rules=" + g.clients.consumers.size());
            p.println("addresses=" + (g.realistic != null ? RealisticLog.ADDRESSES
                    : g.clients.apiClients.size() + g.clients.probes.size() + g.clients.scanners.size()));
            p.println("generate_seconds=" + String.format(Locale.ROOT, "%.1f", seconds));
        }
        System.out.printf(Locale.ROOT, "generated %s: %,d bytes, %,d lines (%,d to operations, %,d to other paths, %,d malformed) in %.1f s%n",
                log, g.written, g.lines, g.apiLines, g.unmatchedLines, g.malformedLines, seconds);
        System.out.printf(Locale.ROOT, "generated %s: %d operations, %d consumers with identify rules, %s to %s%n",
                dir.resolve("catalog"), g.ops.size(), g.clients.consumers.size(), START, Instant.ofEpochMilli(g.millis));
    }

    void writeLog(OutputStream o, long size) throws IOException {
        while (written + pos < size) {
            line();
            if (pos > out.length - 8192) {
                o.write(out, 0, pos);
                written += pos;
                pos = 0;
            }
        }
        o.write(out, 0, pos);
        written += pos;
        pos = 0;
    }

    private void line() {
        lines++;
        millis += random.nextInt(52);
        int roll = random.nextInt(1_000_000);
        if (roll < 5) {
            malformed(roll);
            return;
        }
        if (realistic != null) {
            realistic.line(roll);
            return;
        }
        if (roll < 950_000) {
            apiCall();
            return;
        }
        unmatchedLines++;
        if (roll < 970_000) { // static files from the web app's browsers
            TrafficClients.Client c = pick(clients.browsers);
            String path = STATIC[random.nextInt(STATIC.length)];
            head(c, "GET");
            put(path);
            tail(c, random.nextInt(10) < 8 ? 200 : 304, 200 + random.nextInt(300_000), c.referers()[0]);
        } else if (roll < 985_000) { // health checks
            TrafficClients.Client c = pick(clients.probes);
            head(c, "GET");
            put(PROBE_PATHS[random.nextInt(PROBE_PATHS.length)]);
            tail(c, 200, 2, null);
        } else if (roll < 992_000) { // scanners
            TrafficClients.Client c = pick(clients.scanners);
            head(c, random.nextInt(10) == 0 ? "POST" : "GET");
            put(SCAN_PATHS[random.nextInt(SCAN_PATHS.length)]);
            tail(c, 404, 150 + random.nextInt(50), null);
        } else if (roll < 997_000) { // CORS preflights of the web app
            TrafficClients.Client c = pick(clients.browsers);
            head(c, "OPTIONS");
            path(c.opTable()[random.nextInt(256)], false);
            tail(c, 204, 0, c.referers()[random.nextInt(c.referers().length)]);
        } else { // wrong API paths
            TrafficClients.Client c = clients.apiClients.get(apiTable[random.nextInt(apiTable.length)]);
            head(c, "GET");
            put(WRONG_API[random.nextInt(WRONG_API.length)]);
            tail(c, 404, 60 + random.nextInt(40), null);
        }
    }

    TrafficApi.Op operation(int op) {
        return ops.get(op);
    }

    void countApiLine() {
        apiLines++;
    }

    void countUnmatchedLine() {
        unmatchedLines++;
    }

    private void apiCall() {
        apiLines++;
        TrafficClients.Client c = clients.apiClients.get(apiTable[random.nextInt(apiTable.length)]);
        if (c.consumer() != null) {
            knownLines++;
        }
        int op = c.opTable()[random.nextInt(256)];
        TrafficApi.Op o = ops.get(op);
        head(c, o.method());
        path(op, true);
        int r = random.nextInt(1000);
        int status = switch (o.method()) {
            case "POST" -> o.kind() == TrafficApi.Kind.WRITE && !o.path().contains("/actions/") ? 201 : 200;
            case "DELETE" -> 204;
            default -> 200;
        };
        if (r < 25) {
            status = 404;
        } else if (r < 30) {
            status = 401;
        } else if (r < 35) {
            status = 400;
        } else if (r < 36) {
            status = 500;
        } else if (r < 46 && o.method().equals("GET")) {
            status = 304;
        }
        int bytes = status == 204 || status == 304 ? 0 : status >= 400 ? 80 + random.nextInt(120)
                : o.kind() == TrafficApi.Kind.LIST || o.kind() == TrafficApi.Kind.SEARCH ? 2_000 + random.nextInt(60_000)
                : 200 + random.nextInt(4_000);
        byte[] referer = c.referers() == null ? null : c.referers()[random.nextInt(c.referers().length)];
        tail(c, status, bytes, referer);
    }

    /** {@code ADDRESS - USER [TIME] "METHOD } */
    void head(TrafficClients.Client c, String method) {
        put(c.address());
        put((byte) ' ');
        put((byte) '-');
        put((byte) ' ');
        put(c.user());
        put((byte) ' ');
        put((byte) '[');
        long s = Math.floorDiv(millis, 1000);
        if (s != second) {
            second = s;
            byte[] t = CLF.format(Instant.ofEpochSecond(s)).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(t, 0, time, 0, time.length);
        }
        put(time);
        put((byte) ']');
        put((byte) ' ');
        put((byte) '"');
        put(method);
        put((byte) ' ');
    }

    /** The operation's path with concrete values in its templates, and sometimes a query. */
    private void path(int op, boolean query) {
        byte[][] pieces = opPieces[op];
        TrafficApi.Op o = ops.get(op);
        put(pieces[0]);
        for (int k = 1; k < pieces.length; k++) {
            TrafficApi.IdStyle style = o.slots()[k - 1];
            if (style == null) {
                put(FORMATS[random.nextInt(FORMATS.length)]);
            } else {
                switch (style) {
                    case NUMBER -> number(random.nextInt(10) < 3 ? 1 + random.nextInt(500) : 1 + random.nextInt(2_000_000));
                    case UUID -> uuid();
                    case SLUG -> {
                        put(WORDS[random.nextInt(WORDS.length)]);
                        put((byte) '-');
                        put(WORDS[random.nextInt(WORDS.length)]);
                        put((byte) '-');
                        number(random.nextInt(1000));
                    }
                }
            }
            put(pieces[k]);
        }
        if (!query) {
            return;
        }
        switch (o.kind()) {
            case LIST -> {
                if (random.nextInt(10) < 4) {
                    put("?page=");
                    number(1 + random.nextInt(20));
                    put("&per_page=50");
                }
            }
            case SEARCH -> {
                put("?q=");
                put(WORDS[random.nextInt(WORDS.length)]);
                if (random.nextBoolean()) {
                    put("%20");
                    put(WORDS[random.nextInt(WORDS.length)]);
                }
                put("&limit=20");
            }
            case ITEM_READ -> {
                if (random.nextInt(10) == 0) {
                    put("?expand=owner");
                }
            }
            default -> { }
        }
    }

    /** {@code  PROTOCOL" STATUS BYTES "REFERER" "AGENT"\n} */
    void tail(TrafficClients.Client c, int status, int bytes, byte[] referer) {
        put((byte) ' ');
        put(c.protocol());
        put((byte) '"');
        put((byte) ' ');
        number(status);
        put((byte) ' ');
        number(bytes);
        put((byte) ' ');
        put((byte) '"');
        if (referer == null) {
            put((byte) '-');
        } else {
            put(referer);
        }
        put((byte) '"');
        put((byte) ' ');
        put((byte) '"');
        put(c.userAgent());
        put((byte) '"');
        put((byte) '\n');
    }

    private void malformed(int kind) {
        malformedLines++;
        TrafficClients.Client c = pick(clients.scanners);
        switch (kind) {
            case 0 -> put((byte) '\n'); // an empty line
            case 1, 2 -> { // cut short: the writer died mid-line
                int start = pos;
                head(c, "GET");
                put("/api/v1/orders?page=2");
                int keep = Math.max(10, (pos - start) * 2 / 3);
                pos = start + keep;
                put((byte) '\n');
            }
            case 3 -> { // a TLS handshake sent to the plain HTTP port
                head(c, "");
                pos--; // no space after the (absent) method
                put("\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xFC\\x03\\x03\\x9B");
                put("\" 400 157 \"-\" \"-\"\n");
            }
            default -> { // no request line at all (a connection closed before it)
                head(c, "");
                pos -= 2; // neither the opening quote's method nor its space
                put("\"-\" 408 0 \"-\" \"-\"\n");
            }
        }
    }

    private TrafficClients.Client pick(List<TrafficClients.Client> list) {
        return list.get(random.nextInt(list.size()));
    }

    private void uuid() {
        long hi = random.nextLong();
        long lo = random.nextLong();
        for (int i = 0; i < 32; i++) {
            if (i == 8 || i == 12 || i == 16 || i == 20) {
                put((byte) '-');
            }
            long word = i < 16 ? hi : lo;
            put(HEX[(int) (word >>> (60 - 4 * (i % 16))) & 15]);
        }
    }

    void number(int n) {
        if (n == 0) {
            put((byte) '0');
            return;
        }
        int digits = 0;
        for (int v = n; v > 0; v /= 10) {
            digits++;
        }
        for (int i = digits - 1; i >= 0; i--) {
            out[pos + i] = (byte) ('0' + n % 10);
            n /= 10;
        }
        pos += digits;
    }

    void put(byte b) {
        out[pos++] = b;
    }

    void put(byte[] b) {
        System.arraycopy(b, 0, out, pos, b.length);
        pos += b.length;
    }

    /** ASCII text only (the constants of this class). */
    void put(String s) {
        for (int i = 0; i < s.length(); i++) {
            out[pos++] = (byte) s.charAt(i);
        }
    }
}
