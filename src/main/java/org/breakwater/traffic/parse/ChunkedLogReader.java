package org.breakwater.traffic.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link LogReader}'s reading, in chunks on several threads: one thread reads the stream (plain or
 * gzip, a file or a pipe) into large buffers cut after their last newline, and workers read the
 * lines of each chunk, ASCII lines in place through {@link LogFormat#scan}, the rest as
 * {@link LogReader} does. Each worker feeds its own {@link LineSink}; what a sink makes of a chunk
 * is handed back in file order on the calling thread, so a result that depends on the order of
 * the lines (such as which callers come first) is the same as with one thread. The summary is
 * exactly {@link LogReader#read}'s: the same counts, the same malformed samples at the same
 * line and column, the same failure. Memory is bounded by a few chunks per thread.
 */
public final class ChunkedLogReader {
    /** The default size of a chunk, in bytes. */
    public static final int DEFAULT_CHUNK_BYTES = 4 << 20;
    private static final int EXCERPT_CHARS = 200;

    /** What one worker does with the lines it reads; called by one thread only. */
    public interface LineSink<R> {
        /** A line read in place; {@code line} is only valid during the call. */
        void scanned(ScannedLine line);

        /** A line parsed by {@link LogFormat#parse}. */
        void record(LogRecord record);

        /** What the lines since the last call made; the sink starts afresh for the next chunk. */
        R chunkDone();
    }

    private final LogFormat format;
    private final int maxLineBytes;
    private final int maxSamples;
    private final int bufferBytes;
    private final int threads;

    /** Reads with {@code threads} workers (1: on the calling thread), LogReader's default limits. */
    public ChunkedLogReader(LogFormat format, int threads) {
        this(format, LogReader.DEFAULT_MAX_LINE_BYTES, LogReader.DEFAULT_SAMPLES, DEFAULT_CHUNK_BYTES, threads);
    }

    public ChunkedLogReader(LogFormat format, int maxLineBytes, int maxSamples, int chunkBytes, int threads) {
        if (maxLineBytes < 1) throw new IllegalArgumentException("maxLineBytes must be >= 1: " + maxLineBytes);
        if (maxSamples < 0) throw new IllegalArgumentException("maxSamples must be >= 0: " + maxSamples);
        if (chunkBytes < 1) throw new IllegalArgumentException("chunkBytes must be >= 1: " + chunkBytes);
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1: " + threads);
        if (maxLineBytes >= Integer.MAX_VALUE - 16) throw new IllegalArgumentException("maxLineBytes too large");
        this.format = format;
        this.maxLineBytes = maxLineBytes;
        this.maxSamples = maxSamples;
        this.bufferBytes = Math.max(chunkBytes, maxLineBytes + 1); // a full buffer without a newline is overlong
        this.threads = threads;
    }

    /** A malformed line of a chunk, numbered from the chunk's first line. */
    private record Sample(long line, int column, String reason, String excerpt) {
    }

    /** A chunk's counts and its sink's result; {@code error} when the worker failed. */
    private static final class Done<R> {
        final long seq;
        long lines;
        long records;
        long malformed;
        final List<Sample> samples = new ArrayList<>(0);
        R result;
        Throwable error;

        Done(long seq) {
            this.seq = seq;
        }
    }

    private record Chunk(long seq, byte[] bytes, int length) {
    }

    private static final Chunk STOP = new Chunk(-1, new byte[0], 0);

    /**
     * Reads {@code in} to its end (without closing it); {@code sinks} makes one sink per worker,
     * and {@code inOrder} receives each chunk's result, in file order, on this thread.
     */
    public <R> ReadSummary read(String source, InputStream in, Supplier<? extends LineSink<R>> sinks, Consumer<R> inOrder) {
        return new Run<R>(source, sinks, inOrder).read(in);
    }

    /** One call to {@link #read}: the buffers, the workers and the results not yet handed on. */
    private final class Run<R> {
        final String source;
        final Consumer<R> inOrder;
        final BlockingQueue<byte[]> free;
        final BlockingQueue<Chunk> work;
        final BlockingQueue<Done<R>> done = new LinkedBlockingQueue<>();
        final Map<Long, Done<R>> waiting = new HashMap<>();
        final List<Thread> workers = new ArrayList<>();
        final Worker<R> inline;
        final List<MalformedLine> samples = new ArrayList<>();
        long dispatched;
        long delivered;
        long lines;
        long records;
        long malformed;
        Throwable error;

        Run(String source, Supplier<? extends LineSink<R>> sinks, Consumer<R> inOrder) {
            this.source = source;
            this.inOrder = inOrder;
            int buffers = threads == 1 ? 2 : 2 * threads + 2;
            this.free = new ArrayBlockingQueue<>(buffers);
            this.work = new ArrayBlockingQueue<>(buffers + threads);
            for (int i = 0; i < buffers; i++) free.add(new byte[bufferBytes]);
            if (threads == 1) {
                inline = new Worker<>(sinks.get());
            } else {
                inline = null;
                for (int i = 0; i < threads; i++) {
                    Worker<R> w = new Worker<>(sinks.get());
                    Thread t = new Thread(() -> w.loop(this), "breakwater-log-reader-" + i);
                    t.setDaemon(true);
                    workers.add(t);
                }
                workers.forEach(Thread::start);
            }
        }

        ReadSummary read(InputStream in) {
            Optional<String> failure = Optional.empty();
            byte[] buf = null;
            int filled = 0;
            boolean skipping = false; // inside a line already known to be too long
            try {
                buf = take();
                InputStream input = LogReader.ungzip(in);
                int n;
                while (error == null && (n = input.read(buf, filled, buf.length - filled)) > 0) { // 0 ends it, as in LogReader
                    if (skipping) {
                        int nl = indexOf(buf, filled, filled + n);
                        if (nl < 0) continue; // filled stays 0: the buffer is overwritten
                        overlong();
                        skipping = false;
                        System.arraycopy(buf, nl + 1, buf, 0, n - nl - 1);
                        filled = n - nl - 1;
                    } else {
                        filled += n;
                    }
                    if (filled == buf.length) {
                        int nl = lastIndexOf(buf, filled);
                        if (nl < 0) {
                            skipping = true;
                            filled = 0;
                            continue;
                        }
                        byte[] next = take();
                        int rest = filled - nl - 1;
                        System.arraycopy(buf, nl + 1, next, 0, rest);
                        dispatch(buf, nl + 1);
                        buf = next;
                        filled = rest;
                    }
                }
                if (error != null) return summary(failure);
                if (skipping) overlong();
                else if (filled > 0) dispatch(buf, filled); // the last line, without a newline
            } catch (IOException e) {
                if (!skipping && buf != null) {
                    int nl = lastIndexOf(buf, filled);
                    if (nl >= 0) dispatch(buf, nl + 1); // the whole lines read before the failure
                }
                failure = Optional.of(e.getMessage()); // completed below, once every line is counted
            } finally {
                finish();
            }
            return summary(failure);
        }

        private ReadSummary summary(Optional<String> failure) {
            if (error != null) {
                if (error instanceof RuntimeException r) throw r;
                if (error instanceof Error r) throw r;
                throw new IllegalStateException(error);
            }
            Optional<String> failed = failure.map(m -> source + ": read failed after line " + lines + ": " + m);
            return new ReadSummary(source, lines, records, malformed, samples, failed);
        }

        private byte[] take() {
            try {
                return free.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading " + source, e);
            }
        }

        private void dispatch(byte[] bytes, int length) {
            Chunk c = new Chunk(dispatched++, bytes, length);
            if (inline != null) {
                Done<R> d;
                try {
                    d = inline.process(c, this);
                } catch (RuntimeException | Error e) {
                    d = new Done<>(c.seq());
                    d.error = e;
                }
                arrived(d);
                free.add(bytes);
            } else {
                work.add(c); // never full: there are fewer chunks than buffers
            }
            deliver(false);
        }

        /** A line too long to buffer, counted in its place. */
        private void overlong() {
            Done<R> d = new Done<>(dispatched++);
            d.lines = 1;
            d.malformed = 1;
            if (maxSamples > 0) d.samples.add(overlongSample(1));
            arrived(d);
            deliver(false);
        }

        private void arrived(Done<R> d) {
            waiting.put(d.seq, d);
        }

        /** Hands on every result that is next in file order; with {@code all}, waits for the rest. */
        private void deliver(boolean all) {
            while (true) {
                Done<R> d;
                while ((d = done.poll()) != null) arrived(d);
                while ((d = waiting.remove(delivered)) != null) {
                    delivered++;
                    add(d);
                }
                if (!all || delivered == dispatched) return;
                try {
                    arrived(done.take());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while reading " + source, e);
                }
            }
        }

        private void add(Done<R> d) {
            if (d.error != null) {
                if (error == null) error = d.error;
                return;
            }
            if (error != null) return;
            for (Sample s : d.samples) {
                if (samples.size() < maxSamples) {
                    samples.add(new MalformedLine(source, lines + s.line(), s.column(), s.reason(), s.excerpt()));
                }
            }
            lines += d.lines;
            records += d.records;
            malformed += d.malformed;
            if (d.result != null) inOrder.accept(d.result);
        }

        private void finish() {
            try {
                deliver(true);
            } finally {
                for (int i = 0; i < workers.size(); i++) work.add(STOP);
                for (Thread t : workers) {
                    try {
                        t.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
        }
    }

    private Sample overlongSample(long line) {
        return new Sample(line, maxLineBytes + 1, "line longer than " + maxLineBytes + " bytes", "");
    }

    /** Reads the lines of chunks with one sink. */
    private final class Worker<R> {
        final LineSink<R> sink;
        final ScannedLine scanned = new ScannedLine();

        Worker(LineSink<R> sink) {
            this.sink = sink;
        }

        void loop(Run<R> run) {
            while (true) {
                Chunk c;
                try {
                    c = run.work.take();
                } catch (InterruptedException e) {
                    return;
                }
                if (c == STOP) return;
                Done<R> d;
                try {
                    d = process(c, run);
                } catch (Throwable t) {
                    d = new Done<>(c.seq());
                    d.error = t;
                }
                run.free.add(c.bytes());
                run.done.add(d);
            }
        }

        Done<R> process(Chunk c, Run<R> run) {
            Done<R> d = new Done<>(c.seq());
            byte[] b = c.bytes();
            int to = c.length();
            int p = 0;
            long line = 0;
            while (p < to) {
                int end = lineEnd(b, p, to);
                line++;
                int length = end - p;
                if (length > maxLineBytes) {
                    malformed(d, overlongSample(line));
                } else {
                    if (length > 0 && b[end - 1] == '\r') length--;
                    if (length == 0) {
                        malformed(d, new Sample(line, 1, "empty line", ""));
                    } else if (ascii && format.scan(b, p, p + length, scanned)) {
                        d.records++;
                        sink.scanned(scanned);
                    } else {
                        String text = new String(b, p, length, StandardCharsets.UTF_8);
                        ParseResult result = format.parse(text);
                        if (result instanceof LogRecord record) {
                            d.records++;
                            sink.record(record);
                        } else {
                            LineProblem problem = (LineProblem) result;
                            String excerpt = text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) : text;
                            malformed(d, new Sample(line, problem.column(), problem.reason(), excerpt));
                        }
                    }
                }
                p = end + 1;
            }
            d.lines = line;
            d.result = sink.chunkDone();
            return d;
        }

        /** Whether the bytes before the last {@link #lineEnd} are all ASCII. */
        private boolean ascii;

        /** The first newline in {@code b[from, to)}, or {@code to}, eight bytes at a time; sets {@link #ascii}. */
        private int lineEnd(byte[] b, int from, int to) {
            long high = 0;
            int i = from;
            for (; i + 8 <= to; i += 8) {
                long x = (long) LONGS.get(b, i);
                long n = x ^ NEWLINES;
                long found = (n - ONES) & ~n & HIGHS;
                if (found != 0) {
                    int before = Long.numberOfTrailingZeros(found) >>> 3;
                    if (before > 0) {
                        high |= x & (-1L >>> (64 - 8 * before));
                    }
                    ascii = (high & HIGHS) == 0;
                    return i + before;
                }
                high |= x;
            }
            for (; i < to && b[i] != '\n'; i++) {
                high |= b[i] & 0xFF;
            }
            ascii = (high & HIGHS) == 0;
            return i;
        }

        private void malformed(Done<R> d, Sample s) {
            d.malformed++;
            if (d.samples.size() < maxSamples) d.samples.add(s);
        }
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = ONES * '\n';

    private static int indexOf(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') return i;
        }
        return -1;
    }

    private static int lastIndexOf(byte[] b, int to) {
        for (int i = to - 1; i >= 0; i--) {
            if (b[i] == '\n') return i;
        }
        return -1;
    }
}
