package org.breakwater.apidiff.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.base.ParserBase;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads one JSON or YAML file into a {@link Node} tree with positions, within
 * {@link ReadLimits}. JSON (a file whose first character is a brace or bracket) goes through
 * Jackson's streaming parser, everything else through the YAML 1.2 reader.
 */
public final class TreeReader {
    private final ReadLimits limits;
    private final JsonFactory json;

    public TreeReader(ReadLimits limits) {
        this.limits = limits;
        this.json = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth() + 1)
                        .maxStringLength((int) Math.min(Integer.MAX_VALUE, limits.maxBytes()))
                        .build())
                .build();
    }

    public ReadLimits limits() {
        return limits;
    }

    /** Reads {@code file}; {@code name} is how the file is named in messages. */
    public Node read(Path file, String name) throws SpecException {
        byte[] bytes = load(file, name);
        if (isAscii(bytes)) {
            // the common case: no decoding, and Jackson reads the bytes themselves; with ASCII
            // every column it counts in bytes is also a column in characters
            int start = firstSignificant(bytes);
            if (start >= 0 && isJson((char) bytes[start], name)) {
                return readJson(bytes, null, name);
            }
            return parse(new String(bytes, StandardCharsets.ISO_8859_1), name);
        }
        return parse(decode(bytes, name), name);
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isJson(char first, String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        boolean yamlName = lower.endsWith(".yaml") || lower.endsWith(".yml");
        return (first == '{' || first == '[') && !yamlName;
    }

    /**
     * Parses text that is already in memory (used for pasted input and tests). A name ending
     * in .yaml or .yml means YAML, even in flow style ({@code {openapi: 3.0.0, ...}}).
     */
    public Node parse(String text, String name) throws SpecException {
        int start = firstSignificant(text);
        if (start < 0) {
            throw new SpecException(Problem.inFile(name, "the file is empty"));
        }
        return isJson(text.charAt(start), name) ? readJson(null, text, name) : YamlTreeReader.read(text, name, limits);
    }

    /**
     * Reads every document of a file: a YAML stream may hold several ({@code ---} separated),
     * a JSON file holds one. For catalogs, which often keep many entities in one file.
     */
    public java.util.List<Node> readDocuments(Path file, String name) throws SpecException {
        byte[] bytes = load(file, name);
        String text = isAscii(bytes) ? new String(bytes, StandardCharsets.ISO_8859_1) : decode(bytes, name);
        int start = firstSignificant(text);
        if (start < 0) {
            throw new SpecException(Problem.inFile(name, "the file is empty"));
        }
        if (isJson(text.charAt(start), name)) {
            return java.util.List.of(readJson(null, text, name));
        }
        return YamlTreeReader.readDocuments(text, name, limits, true);
    }

    private byte[] load(Path file, String name) throws SpecException {
        try {
            if (Files.isDirectory(file)) {
                throw new SpecException(Problem.inFile(name, "is a directory, not an API description file"));
            }
            long size = Files.size(file);
            if (size > limits.maxBytes()) {
                throw new SpecException(Problem.inFile(name, String.format(
                        "the file is %,d bytes, over the limit of %,d bytes (raise it with --max-spec-size)",
                        size, limits.maxBytes())));
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SpecException(Problem.inFile(name, "no such file"));
        } catch (IOException e) {
            throw new SpecException(Problem.inFile(name, "cannot be read: " + e.getMessage()));
        }
    }

    /** Strict UTF-8: the first invalid byte is reported at its line and column. */
    private static String decode(byte[] bytes, String name) throws SpecException {
        CharBuffer out = CharBuffer.allocate(bytes.length);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        if (result.isError()) {
            int line = 1;
            int column = 1;
            for (int i = 0; i < out.limit(); i++) {
                if (out.get(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            throw new SpecException(new Problem(name, line, column, String.format(
                    "the file is not valid UTF-8 text (byte 0x%02X at offset %d)",
                    bytes[in.position()] & 0xFF, in.position())));
        }
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * Text from the input made fit for a one-line message: line breaks and other control
     * characters are escaped, so a message never spills onto a second line.
     */
    static String printable(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** {@link #firstSignificant(String)} for ASCII bytes. */
    private static int firstSignificant(byte[] ascii) {
        int i = 0;
        int n = ascii.length;
        while (i < n) {
            byte c = ascii[i];
            if (c == '#') {
                while (i < n && ascii[i] != '\n') {
                    i++;
                }
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B
                    || (c >= 0x1C && c <= 0x1F)) {
                i++;
            } else {
                return i;
            }
        }
        return -1;
    }

    /** Index of the first character that is not whitespace, a BOM or a YAML comment line; -1 if none. */
    private static int firstSignificant(String text) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '#') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (Character.isWhitespace(c) || c == '\uFEFF') {
                i++;
            } else {
                return i;
            }
        }
        return -1;
    }

    /** Parses JSON from {@code ascii} bytes when given (faster), else from {@code text}. */
    private Node readJson(byte[] ascii, String text, String name) throws SpecException {
        TreeBuilder b = new TreeBuilder(name, limits);
        try (JsonParser p = ascii != null ? json.createParser(ascii) : json.createParser(text)) {
            // For values, ParserBase gives the position without allocating a JsonLocation per
            // token (its column is one more than the location's); a field name's position is
            // kept apart, so names still ask for the location.
            ParserBase base = p instanceof ParserBase pb ? pb : null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                int line;
                int col;
                if (base == null || t == JsonToken.FIELD_NAME) {
                    JsonLocation at = p.currentTokenLocation();
                    line = at.getLineNr();
                    col = at.getColumnNr();
                } else {
                    line = base.getTokenLineNr();
                    col = base.getTokenColumnNr() - 1;
                }
                switch (t) {
                    case START_OBJECT -> b.startObject(line, col, null);
                    case START_ARRAY -> b.startArray(line, col, null);
                    case END_OBJECT, END_ARRAY -> b.end();
                    case FIELD_NAME -> b.key(p.currentName(), line, col);
                    case VALUE_STRING -> b.scalar(new ScalarNode(ScalarNode.Kind.STRING, p.getText(), line, col), null);
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> b.scalar(ScalarNode.number(p.getText(), line, col), null);
                    case VALUE_TRUE -> b.scalar(new ScalarNode(ScalarNode.Kind.BOOLEAN, "true", line, col), null);
                    case VALUE_FALSE -> b.scalar(new ScalarNode(ScalarNode.Kind.BOOLEAN, "false", line, col), null);
                    case VALUE_NULL -> b.scalar(new ScalarNode(ScalarNode.Kind.NULL, "null", line, col), null);
                    default -> throw b.fail(line, col, "unexpected " + t);
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String msg = e.getOriginalMessage();
            int cut = msg.indexOf('\n');
            msg = "malformed JSON: " + (cut > 0 ? msg.substring(0, cut) : msg);
            throw new SpecException(new Problem(name, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), msg));
        } catch (IOException e) {
            throw new SpecException(Problem.inFile(name, "cannot be read: " + e.getMessage()));
        }
        return b.root();
    }
}
