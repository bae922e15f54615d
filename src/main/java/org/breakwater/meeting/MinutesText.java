package org.breakwater.meeting;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Bytes to lines, within the limits: the byte cap is enforced while reading the stream, the line
 * caps before any parsing. The text must be UTF-8 (what MeetBot writes); anything else is refused
 * with the line and column of the first byte that is not, rather than guessed at.
 */
final class MinutesText {
    private MinutesText() {
    }

    static byte[] readBounded(InputStream in, MinutesLimits limits) throws IOException {
        byte[] bytes = in.readNBytes(limits.maxBytes() + 1);
        if (bytes.length > limits.maxBytes()) {
            throw new MinutesProblem("too large: more than " + limits.maxBytes() + " bytes (the limit for one minutes file)");
        }
        return bytes;
    }

    static List<String> lines(byte[] bytes, MinutesLimits limits) {
        if (bytes.length > limits.maxBytes()) {
            throw new MinutesProblem("too large: " + bytes.length + " bytes, the limit for one minutes file is "
                    + limits.maxBytes());
        }
        String text = decode(bytes);
        if (text.isBlank()) {
            throw new MinutesProblem("empty: no minutes in it");
        }
        if (text.indexOf('\0') >= 0) {
            throw new MinutesProblem("unknown format: binary data, not MeetBot minutes or a log", lineOf(text, text.indexOf('\0')), 0);
        }
        List<String> lines = Arrays.asList(text.split("\r?\n|\r", -1));
        if (lines.size() > limits.maxLines()) {
            throw new MinutesProblem("too many lines: more than " + limits.maxLines(), limits.maxLines() + 1, 0);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).length() > limits.maxLineChars()) {
                throw new MinutesProblem("line longer than " + limits.maxLineChars() + " characters", i + 1,
                        limits.maxLineChars() + 1);
            }
        }
        return lines;
    }

    private static String decode(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw new MinutesProblem("in UTF-16, not UTF-8: MeetBot writes UTF-8; convert the file "
                    + "(iconv -f UTF-16 -t UTF-8)", 1, 1);
        }
        int skip = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            out.flip();
            String before = out.toString();
            int line = lineOf(before, before.length());
            int column = before.length() - before.lastIndexOf('\n');
            throw new MinutesProblem(String.format("not UTF-8: byte 0x%02X cannot be read as UTF-8 (MeetBot writes UTF-8;"
                    + " convert the file first, e.g. iconv -f WINDOWS-1252 -t UTF-8)", bytes[at] & 0xFF), line, column);
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
