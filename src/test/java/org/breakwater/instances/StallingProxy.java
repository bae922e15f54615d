package org.breakwater.instances;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of the SMTP server for one Breakwater instance: it passes connections
 * through, or, while stalled, takes them and never answers, so a delivery hangs mid-way (the
 * instance has claimed the entry and is waiting for the server's greeting) until the test kills it.
 */
final class StallingProxy implements AutoCloseable {
    private final ServerSocket listening;
    private final int target;
    final AtomicBoolean stalled = new AtomicBoolean();
    /** Connections taken while stalled. */
    final AtomicInteger held = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    StallingProxy(int target) throws IOException {
        this.target = target;
        this.listening = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "stalling-proxy");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return listening.getLocalPort();
    }

    private void accept() {
        while (!listening.isClosed()) {
            try {
                Socket in = listening.accept();
                open.add(in);
                if (stalled.get()) {
                    held.incrementAndGet();
                    continue;
                }
                Socket out = new Socket("127.0.0.1", target);
                open.add(out);
                pipe(in.getInputStream(), out.getOutputStream(), out);
                pipe(out.getInputStream(), in.getOutputStream(), in);
            } catch (IOException e) {
                // closed: the test is over
            }
        }
    }

    private static void pipe(InputStream from, OutputStream to, Socket closeAfter) {
        Thread t = new Thread(() -> {
            try (from; to) {
                from.transferTo(to);
            } catch (IOException e) {
                // one side went away
            }
        }, "stalling-proxy-pipe");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        listening.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
