package org.breakwater.staging.replay;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a test: a stand-in service for bench/replay.sh, answering every GET with a ~5 kB pkgdb-like
 * JSON body ({@link CompareBench#body}); "baseline" says devel, "candidate" master. Arguments:
 * VARIANT PORT-FILE (the port it listens on is written there). Runs until killed.
 */
public final class BenchServer {
    public static void main(String[] args) throws Exception {
        boolean candidate = args[0].equals("candidate");
        byte[][] bodies = new byte[64][];
        for (int i = 0; i < bodies.length; i++) {
            bodies[i] = CompareBench.body(i, candidate ? "master" : "devel", candidate ? 1001 : 1000)
                    .getBytes(StandardCharsets.UTF_8);
        }
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        s.createContext("/", x -> {
            String path = x.getRequestURI().getPath();
            byte[] body = bodies[Math.floorMod(path.hashCode(), bodies.length)];
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        });
        s.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        s.start();
        Path port = Path.of(args[1]);
        Files.writeString(port.resolveSibling(port.getFileName() + ".tmp"), Integer.toString(s.getAddress().getPort()));
        Files.move(port.resolveSibling(port.getFileName() + ".tmp"), port);
    }
}
