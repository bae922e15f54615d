package org.breakwater.meeting;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads MeetBot's plain-text minutes: the {@code =====} title block, "Meeting started by NICK at
 * HH:MM:SS UTC", the "Meeting summary" (topics at column 0, their items indented two spaces, each
 * ending "(nick, HH:MM:SS)" and wrapped at 72 columns), "Meeting ended at", and "People Present
 * (lines said)". Headings are matched whatever their case (MeetBot versions differ). An item said
 * before the first topic sits at column 0 like a topic: MeetBot's text cannot tell them apart, so
 * it is read as a topic.
 */
final class TextMinutesParser {
    private static final Pattern STARTED = Pattern.compile("Meeting started by (\\S+) at (\\d{2}:\\d{2}:\\d{2})");
    private static final Pattern ENDED = Pattern.compile("^Meeting ended at (\\d{2}:\\d{2}:\\d{2})");
    private static final Pattern BULLET = Pattern.compile("^( *)\\* (.*)$");
    /** "(nick, HH:MM:SS)" closing an item; found from the end, so a long line costs linear time. */
    private static final Pattern DETAILS = Pattern.compile("\\(([^\\s,()]+), (\\d{2}:\\d{2}:\\d{2})\\)$");
    private static final Pattern LABEL = Pattern.compile("^([A-Za-z]+):\\s+(.*)$");
    private static final Pattern PERSON = Pattern.compile("^\\* (\\S+) \\(\\d+\\)$");

    private TextMinutesParser() {
    }

    static boolean looksLikeIt(List<String> lines) {
        return lines.stream().anyMatch(l -> l.strip().equalsIgnoreCase("Meeting summary"));
    }

    static Minutes parse(List<String> lines, String sourceName) {
        int titleLine = titleLine(lines);
        String pageTitle = lines.get(titleLine).strip();
        String head = String.join(" ", lines.subList(titleLine, Math.min(lines.size(), titleLine + 12)));
        Matcher started = STARTED.matcher(head);
        if (!started.find()) {
            throw new MinutesProblem("no \"Meeting started by NICK at HH:MM:SS\" under the title", titleLine + 2, 0);
        }
        int summary = heading(lines, "Meeting summary").orElseThrow(
                () -> new MinutesProblem("no \"Meeting summary\" heading"));
        Optional<Integer> endLine = find(lines, summary, ENDED);
        int to = endLine.orElse(nextHeading(lines, summary + 2));
        List<MinutesItem> items = items(lines, summary + 1, to, endLine.isEmpty() && to == lines.size());
        Optional<LocalTime> end = endLine.map(i -> endTime(lines.get(i), i + 1));
        String[] channelAndTitle = splitTitle(pageTitle);
        LocalDate date = MeetingDates.required(MeetingDates.fallback(head, channelAndTitle[1], sourceName));
        return new Minutes(channelAndTitle[1], Optional.ofNullable(channelAndTitle[0]), date,
                MeetingDates.time(started.group(2), titleLine + 1), end, started.group(1), List.of(started.group(1)),
                people(lines), items, MinutesFormat.TEXT_MINUTES);
    }

    /** "#fedora-meeting: Infrastructure (2014-06-05)" is channel and title; MeetBot writes "#chan Meeting" when untitled. */
    static String[] splitTitle(String pageTitle) {
        int colon = pageTitle.indexOf(": ");
        if (pageTitle.startsWith("#") && colon > 0) {
            return new String[] {pageTitle.substring(0, colon), pageTitle.substring(colon + 2).strip()};
        }
        return new String[] {null, pageTitle};
    }

    private static int titleLine(List<String> lines) {
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first + 2 >= lines.size() || !lines.get(first).strip().matches("=+")
                || !lines.get(first + 2).strip().matches("=+")) {
            throw new MinutesProblem("MeetBot's text minutes begin with a title between two lines of '='", first + 1, 1);
        }
        return first + 1;
    }

    private static List<MinutesItem> items(List<String> lines, int from, int to, boolean truncated) {
        List<MinutesItem> items = new ArrayList<>();
        int i = from;
        while (i < to) {
            Matcher b = BULLET.matcher(lines.get(i));
            if (!b.matches() || b.group(1).length() > 2) {
                i++; // the heading's underline, blank lines
                continue;
            }
            int bulletLine = i;
            StringBuilder text = new StringBuilder(b.group(2).strip());
            for (i++; i < to && continues(lines.get(i), b.group(1).length()); i++) {
                text.append(' ').append(lines.get(i).strip());
            }
            boolean cut = truncated && lines.subList(i, to).stream().allMatch(String::isBlank);
            item(b.group(1).isEmpty(), text.toString(), bulletLine + 1, cut).ifPresent(items::add);
        }
        return items;
    }

    /**
     * A wrapped line is indented two more than its bullet. A topic's continuation looks like an item
     * ("  * …") and is read as one, as MeetBot's text allows no better; an item's ("    * …") is not.
     */
    private static boolean continues(String line, int bulletIndent) {
        if (line.isBlank() || line.length() - line.stripLeading().length() <= bulletIndent) {
            return false;
        }
        Matcher b = BULLET.matcher(line);
        return !b.matches() || b.group(1).length() > 2;
    }

    private static Optional<MinutesItem> item(boolean topic, String text, int line, boolean cut) {
        Matcher d = DETAILS.matcher(text);
        if (!d.find()) {
            if (cut) {
                return Optional.empty(); // the file ends inside this item
            }
            throw new MinutesProblem("a summary item without MeetBot's \"(nick, HH:MM:SS)\" at its end", line, 1);
        }
        ItemKind kind = topic ? ItemKind.TOPIC : ItemKind.INFO;
        String said = text.substring(0, d.start()).strip();
        Matcher l = LABEL.matcher(said);
        if (l.matches()) {
            Optional<ItemKind> labelled = ItemKind.ofLabel(l.group(1).toUpperCase(Locale.ROOT));
            if (labelled.isPresent() && l.group(1).equals(l.group(1).toUpperCase(Locale.ROOT))) {
                kind = labelled.get();
                said = l.group(2);
            }
        }
        return Optional.of(new MinutesItem(kind, said, d.group(1), MeetingDates.time(d.group(2), line), line));
    }

    private static List<String> people(List<String> lines) {
        Optional<Integer> h = heading(lines, "People Present (lines said)");
        List<String> people = new ArrayList<>();
        for (int i = h.orElse(lines.size()) + 1; i < lines.size(); i++) {
            Matcher p = PERSON.matcher(lines.get(i).strip());
            if (p.matches()) {
                people.add(p.group(1));
            } else if (!lines.get(i).isBlank() && !lines.get(i).strip().matches("-+")) {
                break;
            }
        }
        return people;
    }

    private static LocalTime endTime(String line, int lineNo) {
        Matcher m = ENDED.matcher(line.strip());
        return m.find() ? MeetingDates.time(m.group(1), lineNo) : null;
    }

    private static Optional<Integer> heading(List<String> lines, String name) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equalsIgnoreCase(name)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The next "Heading" line with a line of '-' under it, or the end of the file. */
    private static int nextHeading(List<String> lines, int from) {
        for (int i = from; i + 1 < lines.size(); i++) {
            if (!lines.get(i).isBlank() && !lines.get(i).startsWith(" ") && lines.get(i + 1).strip().matches("-{3,}")) {
                return i;
            }
        }
        return lines.size();
    }

    private static Optional<Integer> find(List<String> lines, int from, Pattern p) {
        for (int i = from; i < lines.size(); i++) {
            if (p.matcher(lines.get(i).strip()).find()) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
