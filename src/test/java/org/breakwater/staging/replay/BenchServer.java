package org.breakwater.staging.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a test: a stand-in service for bench/replay.sh, answering the targets of {@link ReplayData}
 * with ~5 kB JSON, as 1.9 ("baseline") or 2.0 ("candidate"). It stands in for a real server on
 * another machine, so it must cost as little as possible here: every answer (status line, headers
 * and body) is built once at start, and each keep-alive connection has its own thread that reads
 * a request's head and writes the prepared bytes in one write, with TCP_NODELAY. (The JDK's
 * {@code com.sun.net.httpserver} it replaces left Nagle's algorithm on, which with the client's
 * delayed ACKs held each answer ~40 ms: the benchmark measured that stall, not the replay.)
 * Arguments: VARIANT PORT-FILE (the port is written there). Runs until killed.
 */
public final class BenchServer {
    private final byte[][][] answers = new byte[ReplayData.OPERATIONS.length][ReplayData.VARIANTS][];
    private final byte[] notFound;

    BenchServer(boolean candidate) {
        for (int op = 0; op < answers.length; op++) {
            for (int v = 0; v < ReplayData.VARIANTS; v++) {
                answers[op][v] = http(ReplayData.status(op, candidate), ReplayData.type(op, candidate),
                        ReplayData.status(op, candidate) == 404 ? "{\"title\":\"Not Found\",\"status\":404}".getBytes(StandardCharsets.UTF_8)
                                : ReplayData.body(op, v, candidate));
            }
        }
        notFound = http(404, "application/json", "{\"output\":\"notok\",\"error\":\"not found\"}".getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] http(int status, String type, byte[] body) {
        byte[] head = ("HTTP/1.1 " + status + (status == 200 ? " OK" : " Not Found") + "\r\nContent-Type: " + type
                + "; charset=utf-8\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = java.util.Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    public static void main(String[] args) throws Exception {
        BenchServer server = new BenchServer(args[0].equals("candidate"));
        ServerSocket listening = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        Path port = Path.of(args[1]);
        Files.writeString(port.resolveSibling(port.getFileName() + ".tmp"), Integer.toString(listening.getLocalPort()));
        Files.move(port.resolveSibling(port.getFileName() + ".tmp"), port);
        while (true) {
            Socket s = listening.accept();
            s.setTcpNoDelay(true);
            Thread t = new Thread(() -> server.serve(s), "conn");
            t.setDaemon(true);
            t.start();
        }
    }

    /** Answers the requests of one connection until the client closes it. */
    private void serve(Socket s) {
        byte[] buf = new byte[16384];
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            int n = 0;
            while (true) {
                int end = headEnd(buf, n);
                while (end < 0) {
                    if (n == buf.length) {
                        return; // a request head this long is not one of ours
                    }
                    int r = in.read(buf, n, buf.length - n);
                    if (r < 0) {
                        return;
                    }
                    n += r;
                    end = headEnd(buf, n);
                }
                out.write(answer(target(buf, end)));
                System.arraycopy(buf, end, buf, 0, n - end);
                n -= end;
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private byte[] answer(String target) {
        int op = ReplayData.operation(target);
        return op < 0 ? notFound : answers[op][ReplayData.variant(target)];
    }

    /** The offset just past the blank line ending a request head in {@code buf[0, n)}, or -1. */
    private static int headEnd(byte[] buf, int n) {
        for (int i = 3; i < n; i++) {
            if (buf[i] == '\n' && buf[i - 1] == '\r' && buf[i - 2] == '\n' && buf[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    /** The request line's target: "GET /x?y HTTP/1.1" gives "/x?y". */
    private static String target(byte[] buf, int end) {
        int a = 0;
        while (a < end && buf[a] != ' ') {
            a++;
        }
        int b = a + 1;
        while (b < end && buf[b] != ' ') {
            b++;
        }
        return new String(buf, a + 1, Math.max(0, b - a - 1), StandardCharsets.US_ASCII);
    }
}
