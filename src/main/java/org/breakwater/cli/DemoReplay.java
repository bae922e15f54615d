package org.breakwater.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The demo's two stand-in pkgdb servers on loopback, for replay: version 1.9 (what production
 * runs, the baseline) and 2.0 (the candidate in staging), answering the demo traffic's calls from
 * the demo's packages. 2.0 names the development branch {@code master} where 1.9 said
 * {@code devel}, and no longer answers {@code /pkgdb/packages/name/...}. They stop when the demo
 * stops ({@link #close}).
 */
final class DemoReplay implements AutoCloseable {
    private final HttpServer v19;
    private final HttpServer v20;

    private DemoReplay(HttpServer v19, HttpServer v20) {
        this.v19 = v19;
        this.v20 = v20;
    }

    static DemoReplay start() throws IOException {
        HttpServer a = server(false);
        try {
            return new DemoReplay(a, server(true));
        } catch (IOException | RuntimeException e) {
            a.stop(0);
            throw e;
        }
    }

    String baseline() {
        return "http://127.0.0.1:" + v19.getAddress().getPort();
    }

    String candidate() {
        return "http://127.0.0.1:" + v20.getAddress().getPort();
    }

    /**
     * Names the stand-ins in the unpacked catalog: staging (pkgdb 2.0) answers at the candidate
     * and compares with a new environment staging-baseline (pkgdb 1.9).
     */
    void configure(Path catalogDir) throws IOException {
        Path envs = catalogDir.resolve("environments.yaml");
        String text = Files.readString(envs, StandardCharsets.UTF_8);
        String staging = "    hosts: [10.5.128.0/24]\n";
        if (!text.contains(staging)) {
            throw new IOException(envs + " no longer names staging's hosts as the demo expects");
        }
        text = text.replace(staging, staging + "    base_url: \"" + candidate() + "\"\n    baselines: [staging-baseline]\n")
                + "  - name: staging-baseline\n    description: \"what production runs, side by side with staging (replay)\"\n"
                + "    production: false\n    base_url: \"" + baseline() + "\"\n";
        Files.writeString(envs, text, StandardCharsets.UTF_8);
    }

    private static HttpServer server(boolean v2) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext("/", x -> answer(x, v2));
        s.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "demo-pkgdb-" + (v2 ? "2.0" : "1.9"));
            t.setDaemon(true);
            return t;
        }));
        s.start();
        return s;
    }

    private static void answer(HttpExchange x, boolean v2) throws IOException {
        String path = x.getRequestURI().getPath();
        String[] parts = path.split("/");
        String last = parts.length == 0 ? "" : parts[parts.length - 1];
        String body;
        int status = 200;
        if (path.startsWith("/pkgdb/acls/name/")) {
            body = "{\"packageName\":\"" + last + "\",\"acls\":[" + acl(v2 ? "master" : "devel", "pingou") + ","
                    + acl("f21", "pingou") + "," + acl("epel7", "ralph") + "]}";
        } else if (path.startsWith("/pkgdb/packages/name/")) {
            status = v2 ? 404 : 200;
            body = v2 ? "{\"output\":\"notok\",\"error\":\"Not found\"}"
                    : "{\"name\":\"" + last + "\",\"summary\":\"the " + last + " package\",\"status\":\"Approved\"}";
        } else if (path.equals("/pkgdb/critpath")) {
            body = "{\"pkgs\":{\"f21\":[\"kernel\",\"bodhi\"]}}";
        } else if (path.startsWith("/pkgdb/users/packages/")) {
            body = "{\"pkgs\":[{\"name\":\"guake\"},{\"name\":\"pkgdb-cli\"}]}";
        } else if (path.equals("/pkgdb/notify/all")) {
            body = "{\"packages\":{\"guake\":[\"pingou\"]}}";
        } else {
            status = 404;
            body = "{\"error\":\"Not found\"}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String acl(String branch, String who) {
        return "{\"collection\":{\"branchname\":\"" + branch + "\",\"status\":\"Active\"},\"fas_name\":\"" + who
                + "\",\"acl\":\"commit\",\"status\":\"Approved\"}";
    }

    @Override
    public void close() {
        v19.stop(0);
        v20.stop(0);
    }
}
