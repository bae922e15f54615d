package org.breakwater.meeting;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads MeetBot's raw log the way MeetBot reads the channel: from {@code #startmeeting} to
 * {@code #endmeeting}, commands in any case, and only a chair's {@code #topic}, {@code #agreed},
 * {@code #accepted}, {@code #rejected}, {@code #chair}, {@code #undo} and {@code #endmeeting}
 * count (MeetBot ignores them from others, so its minutes leave them out). Fedora's Matrix bot
 * writes {@code YYYY-MM-DD HH:MM:SS <@nick:server> !command}; that is read too.
 */
final class LogParser {
    /** "18:00:07 <nirik> text", "18:00:14  * pingou here", "2024-07-23 17:00:03 <@nirik:fedora.im> text". */
    static final Pattern LINE = Pattern.compile(
            "^(?:(\\d{4}-\\d{2}-\\d{2})[ T])?\\[?(\\d{2}:\\d{2}(?::\\d{2})?)\\]?\\s+"
                    + "(?:<[@+%~&]?\\s*([^>\\s]+)>|\\*\\s+(\\S+))(?:\\s(.*))?$");
    private static final Pattern COMMAND = Pattern.compile("^[#!]([A-Za-z]+)(?:\\s+(.*))?$");
    private static final Set<String> CHAIR_ONLY = Set.of("topic", "agreed", "accepted", "rejected", "chair", "unchair",
            "undo", "endmeeting", "meetingname");

    private final String sourceName;
    private final List<String> chairs = new ArrayList<>();
    private final List<MinutesItem> items = new ArrayList<>();
    private final Set<String> participants = new LinkedHashSet<>();
    private String owner;
    private String title = "";
    private LocalTime start;
    private LocalTime end;
    private Optional<LocalDate> date = Optional.empty();

    private LogParser(String sourceName) {
        this.sourceName = sourceName;
    }

    /**
     * @param lines      the log's lines
     * @param firstLine  the file line of {@code lines.get(0)} (the HTML log starts inside its {@code <pre>})
     */
    static Minutes parse(List<String> lines, int firstLine, String sourceName, MinutesFormat format) {
        LogParser p = new LogParser(sourceName);
        for (int i = 0; i < lines.size() && p.end == null; i++) {
            p.line(lines.get(i), firstLine + i, i == lines.size() - 1);
        }
        if (p.owner == null) {
            throw new MinutesProblem("no #startmeeting in the log: not a MeetBot meeting");
        }
        LocalDate day = MeetingDates.required(p.date.or(() -> MeetingDates.fallback("", p.title, sourceName)));
        return new Minutes(p.title, Optional.empty(), day, p.start, Optional.ofNullable(p.end), p.owner, p.chairs,
                List.copyOf(p.participants), p.items, format);
    }

    private void line(String raw, int lineNo, boolean last) {
        if (raw.isBlank()) {
            return;
        }
        Matcher m = LINE.matcher(raw);
        if (!m.matches()) {
            if (owner != null && !last) {
                throw new MinutesProblem("not a MeetBot log line (expected 'HH:MM:SS <nick> text')", lineNo, 1);
            }
            return; // before the meeting anything goes; a cut last line is the truncation itself
        }
        String nick = m.group(3) != null ? m.group(3) : m.group(4);
        String text = m.group(5) == null ? "" : m.group(5).strip();
        LocalTime time = MeetingDates.time(m.group(2), lineNo);
        if (m.group(1) != null && date.isEmpty()) {
            date = MeetingDates.fromTitle(m.group(1));
        }
        if (owner == null) {
            beforeStart(nick, text, time);
            if (owner != null) {
                participants.add(nick);
            }
            return;
        }
        participants.add(nick);
        if (date.isEmpty()) {
            date = MeetingDates.fromGreeting(text);
        }
        if (m.group(3) != null) {
            command(nick, text, time, lineNo);
        }
    }

    private void beforeStart(String nick, String text, LocalTime time) {
        Matcher c = COMMAND.matcher(text);
        if (c.matches() && c.group(1).equalsIgnoreCase("startmeeting")) {
            owner = nick;
            chairs.add(nick);
            title = c.group(2) == null ? "" : c.group(2).strip();
            start = time;
        }
    }

    private void command(String nick, String text, LocalTime time, int lineNo) {
        Matcher c = COMMAND.matcher(text);
        if (!c.matches()) {
            return;
        }
        String command = c.group(1).toLowerCase(Locale.ROOT);
        String rest = c.group(2) == null ? "" : c.group(2).strip();
        if (CHAIR_ONLY.contains(command) && chairs.stream().noneMatch(ch -> ch.equalsIgnoreCase(nick))) {
            return;
        }
        switch (command) {
            case "endmeeting" -> end = time;
            case "chair" -> names(rest).stream().filter(n -> !chairs.contains(n)).forEach(chairs::add);
            case "unchair" -> names(rest).stream().filter(n -> !n.equals(owner)).forEach(chairs::remove);
            case "undo" -> {
                if (!items.isEmpty()) {
                    items.remove(items.size() - 1);
                }
            }
            default -> ItemKind.ofCommand(command).filter(k -> !rest.isEmpty())
                    .ifPresent(k -> items.add(new MinutesItem(k, rest, nick, time, lineNo)));
        }
    }

    private static List<String> names(String text) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (String n : text.split("[\\s,]+")) {
            if (!n.isBlank()) {
                seen.putIfAbsent(n.toLowerCase(Locale.ROOT), n);
            }
        }
        return List.copyOf(seen.values());
    }
}
