package org.breakwater.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP/1.1 over a plain socket, for requests no polite client sends: bodies streamed from a
 * generator (chunked or with a declared length) while the answer is read on another thread, so
 * a server that answers early and closes is seen doing so. Nothing of the body is held in memory.
 */
final class RawHttp {
    private static final int READ_TIMEOUT_MILLIS = 120_000;

    private RawHttp() {
    }

    /** Writes a body, piece by piece, until it is done or the server stops listening. */
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** What came back, how much of the body was sent, and whether all of it was (the server read it or buffered it). */
    record Answer(int status, Map<String, String> headers, String body, long sent, boolean sentAll) {
        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    /** {@code total} bytes of {@code fill}, written {@code piece} bytes at a time. */
    static Body repeated(byte fill, long total) {
        return out -> {
            byte[] piece = new byte[64 * 1024];
            java.util.Arrays.fill(piece, fill);
            for (long left = total; left > 0; left -= piece.length) {
                out.write(piece, 0, (int) Math.min(piece.length, left));
            }
        };
    }

    /** {@code body} in chunked framing. */
    static Body chunked(Body body) {
        return out -> {
            OutputStream chunks = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(b, off, len);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            };
            body.writeTo(chunks);
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        };
    }

    /**
     * Sends {@code head} (request line and headers, each ending in CRLF, without the blank line)
     * and then {@code body} on one thread while the answer is read on this one.
     */
    static Answer send(int port, String head, Body body) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            AtomicLong sent = new AtomicLong();
            boolean[] all = {false};
            Thread writer = new Thread(() -> {
                try {
                    body.writeTo(new OutputStream() {
                        @Override
                        public void write(int b) throws IOException {
                            write(new byte[] {(byte) b}, 0, 1);
                        }

                        @Override
                        public void write(byte[] b, int off, int len) throws IOException {
                            out.write(b, off, len);
                            sent.addAndGet(len);
                        }
                    });
                    out.flush();
                    all[0] = true;
                } catch (IOException e) {
                    // the server closed the connection: it stopped reading
                }
            }, "raw-http-writer");
            writer.setDaemon(true);
            writer.start();
            Answer a = read(socket.getInputStream(), sent);
            writer.join(READ_TIMEOUT_MILLIS); // ends when the body is sent or the server closes the connection
            return new Answer(a.status(), a.headers(), a.body(), sent.get(), all[0]);
        }
    }

    private static Answer read(InputStream in, AtomicLong sent) throws IOException {
        String status = line(in);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(in); !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            headers.put(l.substring(0, colon).strip().toLowerCase(Locale.ROOT), l.substring(colon + 1).strip());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; size = Integer.parseInt(line(in).strip(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else {
            body.write(in.readAllBytes());
        }
        return new Answer(Integer.parseInt(status.split(" ")[1]), headers, body.toString(StandardCharsets.UTF_8),
                sent.get(), false);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the connection closed in the middle of the answer, after '" + b + "'");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }
}
