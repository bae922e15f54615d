package org.breakwater.staging.junit;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.breakwater.staging.ReportRead;
import org.breakwater.staging.TestReport;

/**
 * Reads a JUnit XML report as the common tools write it (Maven Surefire and Failsafe, pytest's
 * {@code --junitxml} in both families, Playwright's junit reporter, Ant and Jenkins) with the JDK's
 * own StAX parser, streaming: memory holds the cases read so far (each message, failure text and
 * output cut to {@link JunitLimits}), never the document.
 *
 * <p>Safe against hostile files: any DOCTYPE is refused before it is acted on (DTD support is off,
 * external entities are off, entity references are not replaced), so neither an external entity
 * (XXE) nor nested entity expansion ("billion laughs") can read a file or blow up memory. The
 * byte limit is checked before reading (the file's size) and while reading (a stream that stops at
 * the limit), the case limit while cases are read. Every refusal is a {@link ReportRead.Refused}
 * with the line and column where the parser was. Thread-safe: one reader may serve many threads.
 */
public final class JunitReader {
    private final JunitLimits limits;
    private final XMLInputFactory factory;

    public JunitReader() {
        this(JunitLimits.defaults());
    }

    public JunitReader(JunitLimits limits) {
        this.limits = limits;
        this.factory = safeFactory();
    }

    /** The JDK's built-in StAX factory (never a third-party one found on the class path), locked down. */
    static XMLInputFactory safeFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }

    public ReportRead read(Path file) {
        String source = file.toString();
        try {
            long size = Files.size(file);
            if (size > limits.maxBytes()) {
                return new ReportRead.Refused(source, 0, 0, "the report is " + size
                        + " bytes, larger than the limit of " + limits.maxBytes() + " bytes");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return read(in, source);
            }
        } catch (NoSuchFileException e) {
            return new ReportRead.Refused(source, 0, 0, "no such file");
        } catch (IOException e) {
            return new ReportRead.Refused(source, 0, 0, "cannot read the file: " + e.getMessage());
        }
    }

    /** Reads a report from a stream (not closed here); {@code source} names it in refusals. */
    public ReportRead read(InputStream in, String source) {
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(new BufferedInputStream(new CappedInputStream(in, limits.maxBytes()),
                    1 << 16));
            return new ReportRead.Read(parse(xml));
        } catch (JunitParse.Refusal r) {
            return new ReportRead.Refused(source, r.line, r.column, r.getMessage());
        } catch (XMLStreamException e) {
            return refusedFor(e, source);
        } finally {
            close(xml);
        }
    }

    private TestReport parse(XMLStreamReader xml) throws XMLStreamException {
        JunitParse parse = new JunitParse(limits);
        while (xml.hasNext()) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> parse.start(xml);
                case XMLStreamConstants.END_ELEMENT -> parse.end(xml);
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        parse.text(xml);
                case XMLStreamConstants.DTD -> throw JunitParse.refusal(xml,
                        "a DOCTYPE is not allowed in a test report (DTDs and entities are refused)");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw JunitParse.refusal(xml,
                        "entity reference &" + xml.getLocalName() + "; is not allowed in a test report");
                default -> { }
            }
        }
        return parse.report(xml);
    }

    private static ReportRead.Refused refusedFor(XMLStreamException e, String source) {
        Location at = e.getLocation();
        long line = at == null ? 0 : Math.max(0, at.getLineNumber());
        long column = at == null ? 0 : Math.max(0, at.getColumnNumber());
        for (Throwable t = e; t != null; t = t.getCause() != null ? t.getCause() : nested(t)) {
            if (t instanceof CappedInputStream.TooLarge) return new ReportRead.Refused(source, 0, 0, t.getMessage());
            if (t instanceof IOException io) return new ReportRead.Refused(source, line, column,
                    "cannot read the report: " + io.getMessage());
        }
        return new ReportRead.Refused(source, line, column, "malformed XML: " + cleaned(e.getMessage()));
    }

    private static Throwable nested(Throwable t) {
        return t instanceof XMLStreamException x ? x.getNestedException() : null;
    }

    /** The JDK's messages start with "ParseError at [row,col]:[l,c]\nMessage: "; the place is given apart. */
    static String cleaned(String message) {
        if (message == null) return "unreadable";
        int at = message.indexOf("Message: ");
        return (at >= 0 ? message.substring(at + "Message: ".length()) : message).strip();
    }

    private static void close(XMLStreamReader xml) {
        if (xml == null) return;
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // closing a reader we are done with; the outcome is already decided
        }
    }
}
