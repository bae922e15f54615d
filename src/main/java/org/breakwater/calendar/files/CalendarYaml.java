package org.breakwater.calendar.files;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.breakwater.apidiff.spec.Node;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.SpecException;
import org.breakwater.apidiff.spec.TreeReader;
import org.breakwater.calendar.RecurringWindow;
import org.breakwater.calendar.ReleaseCalendar;
import org.breakwater.calendar.Window;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * A release calendar as YAML, the form people edit:
 *
 * <pre>
 * windows:
 *   - name: Fedora 21 Final freeze
 *     kind: freeze              # release | freeze
 *     start: 2014-11-25         # a date (00:00 UTC) or an instant 2014-11-25T14:00:00Z
 *     end: 2014-12-09           # exclusive
 *     source: fedora.ics        # optional: where the window came from
 * recurring:
 *   - name: Weekly mirror sync freeze
 *     kind: freeze
 *     cron: "0 20 * * FRI"
 *     duration: 4h              # 30m, 4h, 2d, 1w, 1h30m
 *     zone: America/New_York    # optional, UTC if absent
 * </pre>
 *
 * Reading reports every problem at its file:line:column; writing gives text that reads back
 * to the same calendar.
 */
public final class CalendarYaml {
    private static final String HEADER = "# Breakwater release calendar: windows run from start to end (exclusive);\n"
            + "# recurring windows open whenever their cron expression fires, in their zone.\n";

    private CalendarYaml() {
    }

    /**
     * @param name how the file is named in messages
     * @throws CalendarException with every problem found, each at its place
     */
    public static ReleaseCalendar read(String text, String name) throws CalendarException {
        Node root;
        try {
            root = new TreeReader(ReadLimits.defaults().withMaxBytes(16L * 1024 * 1024)).parse(text, name);
        } catch (SpecException e) {
            throw new CalendarException(List.of(new CalendarProblem(name, e.problem().line(), e.problem().column(),
                    e.problem().message())));
        }
        return new CalendarYamlReader(name).read(root);
    }

    /** The calendar in the format {@link #read} reads. */
    public static String write(ReleaseCalendar calendar) {
        Dump dump = new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK)
                .setIndent(2).setIndicatorIndent(2).setIndentWithIndicator(true).setWidth(120)
                .setSchema(new org.snakeyaml.engine.v2.schema.CoreSchema()).build());
        Map<String, Object> all = new LinkedHashMap<>();
        List<Object> windows = new ArrayList<>();
        for (Window w : calendar.windows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", w.name());
            m.put("kind", w.kind().id());
            m.put("start", instant(w.start()));
            m.put("end", instant(w.end()));
            w.source().ifPresent(s -> m.put("source", s));
            windows.add(m);
        }
        List<Object> recurring = new ArrayList<>();
        for (RecurringWindow r : calendar.recurring()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("kind", r.kind().id());
            m.put("cron", r.cron());
            m.put("duration", duration(r.length()));
            m.put("zone", r.zone().equals(ZoneOffset.UTC) ? "UTC" : r.zone().getId());
            recurring.add(m);
        }
        all.put("windows", windows);
        all.put("recurring", recurring);
        return HEADER + dump.dumpToString(all);
    }

    /** A date when the instant is midnight UTC, the instant otherwise. */
    static String instant(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)
                ? instant.atZone(ZoneOffset.UTC).toLocalDate().toString() : instant.toString();
    }

    /** "1w", "2d", "4h", "1h30m": the largest units first. */
    static String duration(Duration d) {
        long seconds = d.getSeconds();
        long[] sizes = {7 * 86_400, 86_400, 3_600, 60, 1};
        String units = "wdhms";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < sizes.length; i++) {
            if (seconds >= sizes[i]) {
                b.append(seconds / sizes[i]).append(units.charAt(i));
                seconds %= sizes[i];
            }
        }
        return b.toString();
    }
}
