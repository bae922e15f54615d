package org.breakwater.meeting;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads MeetBot's HTML minutes (its HTML2 writer): the {@code <h1>} title, "Meeting started by
 * NICK at HH:MM:SS", the "Meeting summary" list (a topic per {@code <li>}, its items in a nested
 * {@code <ol>}, each with {@code <span class="details">(nick, HH:MM:SS)</span>}), "Meeting ended at"
 * and "People present (lines said)". Tags and entities are jsoup's business, not ours.
 */
final class HtmlMinutesParser {
    private static final Pattern STARTED = Pattern.compile("Meeting started by (\\S+) at (\\d{2}:\\d{2}:\\d{2})");
    private static final Pattern ENDED = Pattern.compile("Meeting ended at (\\d{2}:\\d{2}:\\d{2})");
    private static final Pattern DETAILS = Pattern.compile("^\\(([^\\s,()]+), (\\d{2}:\\d{2}:\\d{2})\\)$");
    private static final Pattern PERSON = Pattern.compile("^(\\S+) \\(\\d+\\)$");

    private HtmlMinutesParser() {
    }

    static Optional<Element> summary(Document doc) {
        return heading(doc, "Meeting summary").map(Element::nextElementSibling).filter(e -> e.nameIs("ol"));
    }

    static Minutes parse(Document doc, String sourceName) {
        String body = doc.body().text();
        Matcher started = STARTED.matcher(body);
        if (!started.find()) {
            throw new MinutesProblem("no \"Meeting started by NICK at HH:MM:SS\" in the HTML minutes");
        }
        Element h1 = doc.selectFirst("h1");
        String pageTitle = h1 != null ? h1.text() : doc.title();
        String[] channelAndTitle = TextMinutesParser.splitTitle(pageTitle.strip());
        Element list = summary(doc).orElseThrow(() -> new MinutesProblem("no \"Meeting summary\" list"));
        List<MinutesItem> items = new ArrayList<>();
        for (Element li : list.children()) {
            topic(li, items);
        }
        Matcher ended = ENDED.matcher(body);
        Optional<LocalTime> end = ended.find() ? Optional.of(MeetingDates.time(ended.group(1), 0)) : Optional.empty();
        String links = String.join(" ", doc.select("a[href]").eachAttr("href"));
        LocalDate date = MeetingDates.required(MeetingDates.fallback(links, channelAndTitle[1], sourceName));
        return new Minutes(channelAndTitle[1], Optional.ofNullable(channelAndTitle[0]), date,
                MeetingDates.time(started.group(2), 0), end, started.group(1), List.of(started.group(1)), people(doc),
                items, MinutesFormat.HTML_MINUTES);
    }

    private static void topic(Element li, List<MinutesItem> items) {
        if (li.selectFirst("> span.details") != null) {
            items.add(item(li, ItemKind.TOPIC));
        }
        for (Element sub : li.select("> ol > li")) {
            items.add(item(sub, kindOf(sub)));
        }
    }

    private static ItemKind kindOf(Element li) {
        Element label = li.selectFirst("> i.itemtype");
        if (label != null) {
            return ItemKind.ofLabel(label.text().strip()).orElse(ItemKind.INFO);
        }
        return li.selectFirst("> a[href]") != null ? ItemKind.LINK : ItemKind.INFO;
    }

    private static MinutesItem item(Element li, ItemKind kind) {
        int line = li.sourceRange().start().lineNumber();
        Element details = li.selectFirst("> span.details");
        Matcher d = DETAILS.matcher(details == null ? "" : details.text().strip());
        if (!d.matches()) {
            throw new MinutesProblem("a summary item without MeetBot's \"(nick, HH:MM:SS)\"", Math.max(line, 0), 0);
        }
        Element text = li.clone();
        text.select("> ol, > span.details, > i.itemtype").remove();
        String said = text.text().strip();
        if (said.startsWith(":")) {
            said = said.substring(1).strip(); // the ": " after the removed itemtype label
        }
        return new MinutesItem(kind, said, d.group(1), MeetingDates.time(d.group(2), line), Math.max(line, 1));
    }

    private static List<String> people(Document doc) {
        List<String> people = new ArrayList<>();
        heading(doc, "People present (lines said)").map(Element::nextElementSibling).filter(e -> e.nameIs("ol"))
                .ifPresent(ol -> ol.children().forEach(li -> {
                    Matcher p = PERSON.matcher(li.text().strip());
                    if (p.matches()) {
                        people.add(p.group(1));
                    }
                }));
        return people;
    }

    private static Optional<Element> heading(Document doc, String name) {
        return doc.select("h1, h2, h3, h4, b").stream().filter(h -> h.text().strip().equalsIgnoreCase(name)
                || h.text().strip().equalsIgnoreCase(name + ":")).findFirst();
    }
}
