package org.breakwater.traffic.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class LogReaderTest {
    private static final String GOOD = "10.0.0.%d - - [10/Oct/2000:13:55:36 -0700] \"GET /p/%d?q=1 HTTP/1.1\""
            + " 200 %d \"https://example.com/\" \"Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0\"\n";

    private final List<LogRecord> records = new ArrayList<>();

    private ReadSummary read(LogReader reader, byte[] bytes) {
        return reader.read("access.log", new ByteArrayInputStream(bytes), records::add);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void countsRecordsAndKeepsTheFirstMalformedSamplesWithLineNumbers() {
        String log = GOOD.formatted(1, 1, 1) + "garbage\n" + GOOD.formatted(2, 2, 2) + "\n"
                + "10.0.0.3 - - [10/Oct/2000:13:55:36 -0700] \"-\" 400 0 \"-\" \"-\"\r\n" + "x\n" + "y\n"
                + GOOD.formatted(3, 3, 3) + "z"; // no newline at the end
        ReadSummary summary = read(new LogReader(LogFormat.combined(), 1024, 3), utf8(log));
        assertThat(summary.lines()).isEqualTo(9);
        assertThat(summary.records()).isEqualTo(3);
        assertThat(summary.malformed()).isEqualTo(6);
        assertThat(summary.failure()).isEmpty();
        assertThat(summary.samples()).extracting(MalformedLine::message).containsExactly(
                "access.log:2:8: expected ' - ' after $remote_addr",
                "access.log:4:1: empty line",
                "access.log:5:44: malformed request line");
        assertThat(summary.samples().get(0).excerpt()).isEqualTo("garbage");
        assertThat(records).extracting(LogRecord::bytes).containsExactly(1L, 2L, 3L);
    }

    @Test
    void anOverlongLineIsSkippedWithoutStoppingTheFile() {
        String longLine = "1.1.1.1 - - [10/Oct/2000:13:55:36 -0700] \"GET /" + "a".repeat(300_000) + " HTTP/1.1\" 200 1 \"-\" \"-\"\n";
        ReadSummary summary = read(new LogReader(LogFormat.combined()),
                utf8(GOOD.formatted(1, 1, 1) + longLine + GOOD.formatted(2, 2, 2)));
        assertThat(summary.lines()).isEqualTo(3);
        assertThat(summary.records()).isEqualTo(2);
        assertThat(summary.samples()).extracting(MalformedLine::message)
                .containsExactly("access.log:2:65537: line longer than 65536 bytes");
    }

    @Test
    void aLineJustOverASmallLimitInsideOneBufferIsOverlong() {
        ReadSummary summary = read(new LogReader(LogFormat.combined(), 20, 5), utf8(GOOD.formatted(1, 1, 1)));
        assertThat(summary.malformed()).isEqualTo(1);
        assertThat(summary.samples().get(0).reason()).isEqualTo("line longer than 20 bytes");
    }

    @Test
    void gzipIsDetectedByItsMagicBytes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            for (int i = 0; i < 1000; i++) gzip.write(utf8(GOOD.formatted(i % 250, i, i)));
        }
        ReadSummary summary = read(new LogReader(LogFormat.combined()), bytes.toByteArray());
        assertThat(summary.records()).isEqualTo(1000);
        assertThat(summary.malformed()).isZero();
        assertThat(records.get(999).target()).isEqualTo("/p/999?q=1");
    }

    @Test
    void invalidUtf8IsReplacedNotFatal() {
        byte[] prefix = utf8("10.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"GET /caf");
        byte[] suffix = utf8(" HTTP/1.1\" 200 5 \"-\" \"agent\"\n");
        byte[] line = new byte[prefix.length + 2 + suffix.length];
        System.arraycopy(prefix, 0, line, 0, prefix.length);
        line[prefix.length] = (byte) 0xC3; // a lead byte without its continuation
        line[prefix.length + 1] = (byte) 0xFF;
        System.arraycopy(suffix, 0, line, prefix.length + 2, suffix.length);
        ReadSummary summary = read(new LogReader(LogFormat.combined()), line);
        assertThat(summary.records()).isEqualTo(1);
        assertThat(records.get(0).target()).isEqualTo("/caf\uFFFD\uFFFD");
    }

    @Test
    void anIoExceptionEndsReadingWithAClearMessage() {
        byte[] good = utf8(GOOD.formatted(1, 1, 1) + GOOD.formatted(2, 2, 2));
        InputStream failing = new InputStream() {
            int next;

            @Override
            public int read() throws IOException {
                if (next == good.length) throw new IOException("disk on fire");
                return good[next++];
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (next == good.length) throw new IOException("disk on fire");
                int n = Math.min(len, good.length - next);
                System.arraycopy(good, next, b, off, n);
                next += n;
                return n;
            }
        };
        ReadSummary summary = new LogReader(LogFormat.combined()).read("broken.log", failing, records::add);
        assertThat(summary.records()).isEqualTo(2);
        assertThat(summary.failure()).contains("broken.log: read failed after line 2: disk on fire");
    }

    @Test
    void throughputSanityCheck() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 200_000; i++) {
            out.writeBytes(utf8(GOOD.formatted(i % 250, i % 5000, i % 100_000)));
        }
        byte[] log = out.toByteArray();
        long[] count = new long[1];
        LogReader reader = new LogReader(LogFormat.combined());
        reader.read("warmup", new ByteArrayInputStream(Arrays.copyOf(log, log.length / 4)), r -> count[0]++);
        long start = System.nanoTime();
        ReadSummary summary = reader.read("generated", new ByteArrayInputStream(log), r -> count[0]++);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("access-log parse throughput: %d lines, %.1f MB in %.3f s = %.1f MB/s (%.0f lines/s)%n",
                summary.lines(), log.length / 1e6, seconds, log.length / 1e6 / seconds, summary.lines() / seconds);
        assertThat(summary.records()).isEqualTo(200_000);
    }
}
