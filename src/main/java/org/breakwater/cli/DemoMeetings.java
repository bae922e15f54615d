package org.breakwater.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.breakwater.App;
import org.breakwater.catalog.Outcome;
import org.breakwater.meeting.MeetingService;
import org.breakwater.policy.PolicyReader;

/**
 * The demo's two weekly meetings, in MeetBot's formats: eight days ago the text minutes where the
 * pkgdb2 date was agreed, yesterday the raw log where fedocal was classified. Their dates and plan
 * references are filled in ({@code ${DAY-8}}, {@code ${ZODBOT-1 18:00:03}}, {@code ${PKGDB2}}),
 * the files named as MeetBot names them, and both ingested: the pkgdb2 plan's meeting gate and
 * fedocal's meeting decision come from them.
 */
final class DemoMeetings {
    private static final Pattern DAY = Pattern.compile("\\$\\{(DAY|ZODBOT)([+-]\\d+)(?: (\\d\\d:\\d\\d:\\d\\d))?}");
    /** The templates, and the day (counted from today) each meeting was held. */
    private static final List<String> TEMPLATES = List.of("infrastructure.meeting-1.txt", "infrastructure.meeting-2.log.txt");
    private static final int[] HELD = {-8, -1};

    private DemoMeetings() {
    }

    /** Writes the minutes under {@code root/meetings} and ingests them; the meetings' numbers. */
    static List<Long> ingest(App app, Path root, LocalDate today, DemoPlans.Made plans) throws IOException {
        MeetingService meetings = app.meetings(PolicyReader.defaults());
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < TEMPLATES.size(); i++) {
            Path template = root.resolve("meetings").resolve(TEMPLATES.get(i));
            String text = fill(Files.readString(template, StandardCharsets.UTF_8), today, plans);
            String extension = TEMPLATES.get(i).substring(TEMPLATES.get(i).indexOf('.', "infrastructure.".length()));
            Path minutes = template.resolveSibling("infrastructure." + today.plusDays(HELD[i]) + "-18.00" + extension);
            Files.writeString(minutes, text, StandardCharsets.UTF_8);
            Files.delete(template);
            Outcome<MeetingService.Shown> o = meetings.ingest(minutes.getFileName().toString(),
                    text.getBytes(StandardCharsets.UTF_8), "nirik");
            if (o instanceof Outcome.Refused<MeetingService.Shown> r) {
                throw new IllegalStateException("the demo minutes do not ingest: " + r.reason());
            }
            ids.add(((Outcome.Done<MeetingService.Shown>) o).value().meeting().id());
        }
        return ids;
    }

    static String fill(String text, LocalDate today, DemoPlans.Made plans) {
        Matcher m = DAY.matcher(text.replace("${PKGDB2}", "BW-" + plans.pkgdb2()).replace("${FEDOCAL}", "BW-"
                + plans.fedocal()));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            LocalDate day = today.plusDays(Long.parseLong(m.group(2)));
            m.appendReplacement(out, m.group(1).equals("DAY") ? day.toString() : zodbot(day, m.group(3)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** zodbot's "Thu Jun  5 18:00:07 2014": C's asctime, the day of the month padded with a space. */
    private static String zodbot(LocalDate day, String time) {
        return day.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
                + day.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
                + String.format(Locale.ROOT, "%2d", day.getDayOfMonth()) + " " + time + " " + day.getYear();
    }
}
