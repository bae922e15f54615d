package org.breakwater.traffic.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Streams an access log through a {@link LogFormat}, line by line, with bounded memory. The input
 * may be plain or gzip (recognised by its magic bytes, whatever the file is called); it is decoded
 * as UTF-8 with malformed bytes replaced. Lines end at {@code \n} (a trailing {@code \r} is
 * dropped). A line longer than the limit is counted as malformed and skipped without being
 * buffered; an empty line is malformed too. Bad lines never stop reading; an IOException does,
 * and is reported in {@link ReadSummary#failure()} with the counts so far. Not thread-safe: use
 * one reader per stream at a time.
 */
public final class LogReader {
    /** The default longest line, in bytes. */
    public static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024;
    /** The default number of malformed lines kept as samples. */
    public static final int DEFAULT_SAMPLES = 5;
    private static final int EXCERPT_CHARS = 200;

    private final LogFormat format;
    private final int maxLineBytes;
    private final int maxSamples;

    public LogReader(LogFormat format) {
        this(format, DEFAULT_MAX_LINE_BYTES, DEFAULT_SAMPLES);
    }

    public LogReader(LogFormat format, int maxLineBytes, int maxSamples) {
        if (maxLineBytes < 1) throw new IllegalArgumentException("maxLineBytes must be >= 1: " + maxLineBytes);
        if (maxSamples < 0) throw new IllegalArgumentException("maxSamples must be >= 0: " + maxSamples);
        this.format = format;
        this.maxLineBytes = maxLineBytes;
        this.maxSamples = maxSamples;
    }

    /**
     * Reads {@code in} to its end (without closing it), passing each parsed record to {@code sink}.
     * {@code source} names the stream in messages, such as a file name.
     */
    public ReadSummary read(String source, InputStream in, Consumer<LogRecord> sink) {
        Run run = new Run(source, sink);
        try {
            InputStream input = ungzip(in);
            byte[] buffer = new byte[64 * 1024];
            byte[] line = new byte[Math.min(maxLineBytes, 8 * 1024)];
            int lineLength = 0;
            boolean overlong = false;
            int n;
            while ((n = input.read(buffer)) > 0) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] != '\n') continue;
                    if (overlong || lineLength + i - start > maxLineBytes) run.overlong();
                    else if (lineLength == 0) run.line(buffer, start, i - start);
                    else {
                        line = append(line, lineLength, buffer, start, i - start);
                        run.line(line, 0, lineLength + i - start);
                    }
                    start = i + 1;
                    lineLength = 0;
                    overlong = false;
                }
                int rest = n - start;
                if (overlong || lineLength + rest > maxLineBytes) {
                    overlong = true;
                } else if (rest > 0) {
                    line = append(line, lineLength, buffer, start, rest);
                    lineLength += rest;
                }
            }
            if (overlong) run.overlong();
            else if (lineLength > 0) run.line(line, 0, lineLength);
        } catch (IOException e) {
            run.failure = Optional.of(source + ": read failed after line " + run.lines + ": " + e.getMessage());
        }
        return new ReadSummary(source, run.lines, run.records, run.malformed, run.samples, run.failure);
    }

    static InputStream ungzip(InputStream in) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, 2);
        byte[] magic = pushback.readNBytes(2);
        pushback.unread(magic);
        boolean gzip = magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
        return gzip ? new GZIPInputStream(pushback, 64 * 1024) : pushback;
    }

    /** {@code line[0, at)} followed by {@code bytes[from, from + length)}, growing line if needed. */
    private static byte[] append(byte[] line, int at, byte[] bytes, int from, int length) {
        byte[] target = line;
        if (at + length > line.length) {
            target = Arrays.copyOf(line, Math.max(at + length, line.length * 2));
        }
        System.arraycopy(bytes, from, target, at, length);
        return target;
    }

    /** The counts and samples of one call to {@link #read}. */
    private final class Run {
        final String source;
        final Consumer<LogRecord> sink;
        final List<MalformedLine> samples = new ArrayList<>();
        long lines;
        long records;
        long malformed;
        Optional<String> failure = Optional.empty();

        Run(String source, Consumer<LogRecord> sink) {
            this.source = source;
            this.sink = sink;
        }

        void line(byte[] bytes, int from, int length) {
            lines++;
            if (length > 0 && bytes[from + length - 1] == '\r') length--;
            if (length == 0) {
                malformed(new LineProblem(1, "empty line"), "");
                return;
            }
            String text = new String(bytes, from, length, StandardCharsets.UTF_8);
            ParseResult result = format.parse(text);
            if (result instanceof LogRecord record) {
                records++;
                sink.accept(record);
            } else {
                malformed((LineProblem) result, text);
            }
        }

        void overlong() {
            lines++;
            malformed(new LineProblem(maxLineBytes + 1, "line longer than " + maxLineBytes + " bytes"), "");
        }

        private void malformed(LineProblem problem, String text) {
            malformed++;
            if (samples.size() < maxSamples) {
                String excerpt = text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) : text;
                samples.add(new MalformedLine(source, lines, problem.column(), problem.reason(), excerpt));
            }
        }
    }
}
