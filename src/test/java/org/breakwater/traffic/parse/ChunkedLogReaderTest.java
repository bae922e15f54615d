package org.breakwater.traffic.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Reading in chunks on several threads gives exactly what {@link LogReader} gives: the same
 * records in the same order, the same counts, the same malformed samples at the same line and
 * column, whatever the chunk size, wherever the chunk boundaries fall.
 */
class ChunkedLogReaderTest {
    static final String GOOD = "10.0.0.%d - - [10/Oct/2000:13:55:%02d -0700] \"GET /p/%d?q=1 HTTP/1.1\" 200 %d"
            + " \"-\" \"agent/%d\"";

    /** Records as seen through a sink, each chunk's in a list, handed on in file order. */
    static class Collecting implements ChunkedLogReader.LineSink<List<String>> {
        List<String> chunk = new ArrayList<>();

        @Override
        public void scanned(ScannedLine line) {
            chunk.add(ScanTest.view(line));
        }

        @Override
        public void record(LogRecord record) {
            chunk.add(ScanTest.view(record));
        }

        @Override
        public List<String> chunkDone() {
            List<String> done = chunk;
            chunk = new ArrayList<>();
            return done;
        }
    }

    record Result(ReadSummary summary, List<String> records) {
    }

    static Result sequential(LogFormat format, int maxLine, byte[] bytes) {
        List<String> records = new ArrayList<>();
        ReadSummary s = new LogReader(format, maxLine, 5).read("access.log", new ByteArrayInputStream(bytes),
                r -> records.add(ScanTest.view(r)));
        return new Result(s, records);
    }

    static Result chunked(LogFormat format, int maxLine, int chunk, int threads, InputStream in) {
        List<String> records = new ArrayList<>();
        ReadSummary s = new ChunkedLogReader(format, maxLine, 5, chunk, threads).read("access.log", in, Collecting::new,
                records::addAll);
        return new Result(s, records);
    }

    /** Good lines, and every kind of awkward one: empty, CRLF, lone CR, garbage, non-ASCII, escapes, overlong. */
    static String log(Random random, int lines, int maxLine) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            switch (random.nextInt(14)) {
                case 0 -> b.append("");
                case 1 -> b.append("garbage ").append(i);
                case 2 -> b.append(GOOD.formatted(i % 256, i % 60, i, i, i % 7)).append('\r');
                case 3 -> b.append('\r');
                case 4 -> b.append(GOOD.formatted(i % 256, i % 60, i, i, i % 7).replace("agent/", "agënt/"));
                case 5 -> b.append(GOOD.formatted(i % 256, i % 60, i, i, i % 7).replace("agent/", "a \\\"q\\\" /"));
                case 6 -> b.append("x".repeat(maxLine + random.nextInt(3))); // overlong, or just so
                case 7 -> b.append("y".repeat(maxLine - 1 + random.nextInt(2))); // fits, or just so
                case 8 -> b.append(GOOD.formatted(i % 256, i % 60, i, i, i % 7)).append("\u00ff\u0100 trailing");
                default -> b.append(GOOD.formatted(i % 256, i % 60, i, i, i % 7));
            }
            b.append('\n');
        }
        return b.toString();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void any_chunk_size_and_thread_count_reads_what_the_sequential_reader_reads() {
        Random random = new Random(7);
        int maxLine = 120;
        for (int round = 0; round < 30; round++) {
            String text = log(random, 40 + random.nextInt(60), maxLine);
            if (round % 3 == 0) {
                text = text.substring(0, text.length() - 1); // the last line has no newline
            }
            if (round % 5 == 0) {
                text += "\n\n";
            }
            byte[] bytes = utf8(text);
            Result expected = sequential(LogFormat.combined(), maxLine, bytes);
            assertThat(expected.summary().malformed()).isGreaterThan(0);
            for (int chunk : new int[] {1, 2, 7, 121, 122, 123, 200, 333, 4096}) {
                for (int threads : new int[] {1, 2, 3}) {
                    Result actual = chunked(LogFormat.combined(), maxLine, chunk, threads, new ByteArrayInputStream(bytes));
                    assertThat(actual).as("round %d, chunk %d, %d threads", round, chunk, threads).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void a_line_exactly_at_a_chunk_boundary_and_overlong_lines_across_boundaries() {
        int maxLine = 100;
        String good = GOOD.formatted(1, 2, 3, 4, 5);
        String log = good + "\n" + "z".repeat(250) + "\n" + good + "\r\n" + "w".repeat(101) + "\n" + "v".repeat(100)
                + "\n" + good + "\n" + "u".repeat(1000); // overlong, and last, without a newline
        byte[] bytes = utf8(log);
        Result expected = sequential(LogFormat.combined(), maxLine, bytes);
        assertThat(expected.summary().lines()).isEqualTo(7);
        assertThat(expected.summary().samples()).extracting(MalformedLine::message).containsExactly(
                "access.log:2:101: line longer than 100 bytes", "access.log:4:101: line longer than 100 bytes",
                "access.log:5:101: expected ' - ' after $remote_addr", "access.log:7:101: line longer than 100 bytes");
        for (int chunk = 1; chunk <= bytes.length + 1; chunk++) { // every boundary
            for (int threads : new int[] {1, 2}) {
                assertThat(chunked(LogFormat.combined(), maxLine, chunk, threads, new ByteArrayInputStream(bytes)))
                        .as("chunk %d, %d threads", chunk, threads).isEqualTo(expected);
            }
        }
    }

    @Test
    void a_stream_that_trickles_a_few_bytes_at_a_time_reads_the_same() {
        byte[] bytes = utf8(log(new Random(3), 300, 80));
        Result expected = sequential(LogFormat.combined(), 80, bytes);
        InputStream trickle = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 3));
            }
        };
        assertThat(chunked(LogFormat.combined(), 80, 256, 2, trickle)).isEqualTo(expected);
    }

    @Test
    void gzip_is_read_the_same() throws IOException {
        byte[] bytes = utf8(log(new Random(5), 500, 100));
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(bytes);
        }
        Result expected = sequential(LogFormat.combined(), 100, bytes);
        assertThat(chunked(LogFormat.combined(), 100, 500, 2, new ByteArrayInputStream(zipped.toByteArray())))
                .isEqualTo(expected);
    }

    @Test
    void a_read_failure_stops_after_the_same_line_with_the_same_counts() {
        byte[] bytes = utf8(log(new Random(9), 200, 100));
        for (int failAt : new int[] {0, 1, 500, 1234, bytes.length / 2, bytes.length - 1}) {
            Result expected = sequential(LogFormat.combined(), 100, failing(bytes, failAt, 64).readAllBytesOrFail());
            List<String> records = new ArrayList<>();
            ReadSummary s = new LogReader(LogFormat.combined(), 100, 5).read("access.log", failing(bytes, failAt, 64),
                    r -> records.add(ScanTest.view(r)));
            Result sequentialFailing = new Result(s, records);
            assertThat(sequentialFailing.summary().failure()).isPresent();
            for (int chunk : new int[] {101, 300, 1000}) {
                for (int threads : new int[] {1, 2}) {
                    assertThat(chunked(LogFormat.combined(), 100, chunk, threads, failing(bytes, failAt, 64)))
                            .as("fail at %d, chunk %d, %d threads", failAt, chunk, threads).isEqualTo(sequentialFailing);
                }
            }
            assertThat(expected.summary().lines()).isGreaterThanOrEqualTo(0);
        }
    }

    /** Gives {@code bytes} up to {@code failAt}, {@code step} at a time, then fails. */
    static FailingStream failing(byte[] bytes, int failAt, int step) {
        return new FailingStream(bytes, failAt, step);
    }

    static final class FailingStream extends InputStream {
        final byte[] bytes;
        final int failAt;
        final int step;
        int pos;

        FailingStream(byte[] bytes, int failAt, int step) {
            this.bytes = bytes;
            this.failAt = failAt;
            this.step = step;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos >= failAt) {
                throw new IOException("disk on fire");
            }
            int n = Math.min(Math.min(len, step), failAt - pos);
            System.arraycopy(bytes, pos, b, off, n);
            pos += n;
            return n;
        }

        byte[] readAllBytesOrFail() {
            return java.util.Arrays.copyOf(bytes, failAt);
        }
    }

    @Test
    void a_sink_that_fails_fails_the_read() {
        byte[] bytes = utf8(log(new Random(1), 400, 100));
        for (int threads : new int[] {1, 2}) {
            ChunkedLogReader reader = new ChunkedLogReader(LogFormat.combined(), 100, 5, 300, threads);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.read("access.log",
                    new ByteArrayInputStream(bytes), () -> new Collecting() {
                        @Override
                        public void scanned(ScannedLine line) {
                            throw new IllegalStateException("boom");
                        }
                    }, x -> { })).hasMessage("boom");
        }
    }
}
