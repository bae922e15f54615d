package org.breakwater.meeting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads MeetBot's minutes in any of its formats (text minutes, HTML minutes, the raw log as text
 * or HTML) into {@link Minutes}, or refuses them with a one-line reason. The format is told from
 * the content, not the name: an upload may have lost its name. The name is used for messages and,
 * as a last resort, for the meeting's date (MeetBot names files NAME.2014-06-05-18.00.EXT).
 */
public final class MinutesReader {
    private final MinutesLimits limits;

    public MinutesReader(MinutesLimits limits) {
        this.limits = limits;
    }

    public MinutesReader() {
        this(MinutesLimits.DEFAULT);
    }

    /** Reads at most the byte limit from {@code in} (one byte more tells it is too large). */
    public ReadResult read(String sourceName, InputStream in) {
        try {
            return read(sourceName, MinutesText.readBounded(in, limits));
        } catch (MinutesProblem p) {
            return p.refused();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ReadResult read(String sourceName, byte[] bytes) {
        try {
            List<String> lines = MinutesText.lines(bytes, limits);
            return new ReadResult.Read(parse(lines, sourceName));
        } catch (MinutesProblem p) {
            return p.refused();
        }
    }

    private Minutes parse(List<String> lines, String sourceName) {
        Optional<String> first = lines.stream().filter(l -> !l.isBlank()).findFirst().map(String::strip);
        if (first.isPresent() && first.get().startsWith("<")) {
            return html(String.join("\n", lines), sourceName);
        }
        if (first.isPresent() && LogParser.LINE.matcher(first.get()).matches()) {
            return LogParser.parse(lines, 1, sourceName, MinutesFormat.TEXT_LOG);
        }
        if (TextMinutesParser.looksLikeIt(lines)) {
            return TextMinutesParser.parse(lines, sourceName);
        }
        throw unknown();
    }

    private static Minutes html(String text, String sourceName) {
        Parser parser = Parser.htmlParser().setTrackPosition(true);
        Document doc = Jsoup.parse(text, "", parser);
        if (HtmlMinutesParser.summary(doc).isPresent()) {
            return HtmlMinutesParser.parse(doc, sourceName);
        }
        Element pre = doc.selectFirst("pre");
        if (pre != null) {
            List<String> log = List.of(pre.wholeText().split("\n", -1));
            int firstLine = pre.sourceRange().start().lineNumber();
            if (log.stream().anyMatch(l -> LogParser.LINE.matcher(l.strip()).matches())) {
                return LogParser.parse(log.stream().map(String::strip).toList(), Math.max(firstLine, 1), sourceName,
                        MinutesFormat.HTML_LOG);
            }
        }
        throw unknown();
    }

    private static MinutesProblem unknown() {
        return new MinutesProblem("unknown format: not MeetBot minutes (expected its .txt or .html minutes, "
                + "or its log: lines of 'HH:MM:SS <nick> text')");
    }
}
