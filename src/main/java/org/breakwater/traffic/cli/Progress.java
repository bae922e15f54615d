package org.breakwater.traffic.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress line for long reads, on a terminal only (CI logs stay quiet): bytes read of the
 * total, throughput and time left, redrawn in place twice a second on standard error.
 */
final class Progress implements AutoCloseable {
    private final AtomicLong read = new AtomicLong();
    private final long total;
    private final long started = System.nanoTime();
    private final Thread painter;
    private final PrintWriter err;

    private Progress(long total, PrintWriter err) {
        this.total = total;
        this.err = err;
        this.painter = new Thread(this::paint, "breakwater-progress");
        painter.setDaemon(true);
    }

    /** Starts drawing when standard error is a terminal; otherwise counts silently. */
    static Progress start(long total, PrintWriter err, boolean terminal) {
        Progress p = new Progress(total, err);
        if (terminal) {
            p.painter.start();
        }
        return p;
    }

    /** {@code in}, counted. */
    InputStream count(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    read.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    read.addAndGet(n);
                }
                return n;
            }
        };
    }

    private void paint() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(500);
                synchronized (err) {
                    err.print("\r" + line(read.get(), total, System.nanoTime() - started) + "   ");
                    err.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** "45%  512 MB of 1.1 GB  120 MB/s  about 5 s left" (or without the total, when unknown). */
    static String line(long bytes, long total, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
        double rate = bytes / seconds;
        StringBuilder b = new StringBuilder();
        if (total > 0) {
            b.append(Math.min(100, bytes * 100 / total)).append("%  ").append(size(bytes)).append(" of ").append(size(total));
        } else {
            b.append(size(bytes));
        }
        b.append("  ").append(size((long) rate)).append("/s");
        if (total > 0 && rate > 0 && bytes < total) {
            b.append("  about ").append(Math.max(1, Math.round((total - bytes) / rate))).append(" s left");
        }
        return b.toString();
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return (v < 10 ? String.format(java.util.Locale.ROOT, "%.1f", v) : Long.toString(Math.round(v))) + " " + units[u];
    }

    @Override
    public void close() {
        if (painter.isAlive()) {
            painter.interrupt();
            try {
                painter.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (err) {
                err.print("\r" + " ".repeat(78) + "\r");
                err.flush();
            }
        }
    }
}
