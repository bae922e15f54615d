package org.breakwater.policy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.breakwater.apidiff.spec.ScalarNode;
import org.breakwater.catalog.Tier;

/**
 * The sections of a policy file whose values relate to each other: the announcements (reminders
 * come after the notices), the weekly meeting and the business hours (day, time, zone in one
 * value). Problems go to the file's {@link PolicyText}; values read as placeholders then.
 */
final class PolicySections {
    private static final List<String> ANNOUNCEMENTS = List.of("apiBreakNotice", "outageNotice", "reminders", "lists");
    private static final List<String> LISTS = List.of("always", "essential", "borderline", "leaf");

    private PolicySections() {
    }

    static Policy.Announcements announcements(PolicyFields top, PolicySyntax syntax) {
        PolicyFields f = top.section("announcements", ANNOUNCEMENTS);
        Optional<Duration> apiBreak = PolicyReader.optionalDuration(f, syntax, "apiBreakNotice");
        Optional<Duration> outage = PolicyReader.optionalDuration(f, syntax, "outageNotice");
        List<Duration> reminders = new ArrayList<>();
        for (ScalarNode s : f.strings("reminders", true, "a duration")) {
            Optional<Duration> d = syntax.duration(s, f.name("reminders"));
            if (d.isEmpty()) {
                continue;
            }
            String shown = PolicySyntax.format(d.get());
            if (reminders.contains(d.get())) {
                f.text().at(s, f.name("reminders") + ": " + shown + " is listed twice");
            }
            notBefore(f, s, d.get(), apiBreak, "the API-break notice");
            notBefore(f, s, d.get(), outage, "the outage notice");
            reminders.add(d.get());
        }
        PolicyFields lists = f.section("lists", LISTS);
        List<String> always = addresses(lists, syntax, "always", true);
        Map<Tier, List<String>> byTier = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            if (lists.keys().contains(tier.id())) {
                byTier.put(tier, addresses(lists, syntax, tier.id(), false));
            }
        }
        return new Policy.Announcements(apiBreak.orElse(Duration.ZERO), outage.orElse(Duration.ZERO),
                reminders.stream().distinct().toList(), always, byTier);
    }

    /** A reminder reminds of a notice: it must come later, so be shorter than the notice. */
    private static void notBefore(PolicyFields f, ScalarNode at, Duration reminder, Optional<Duration> notice,
                                  String what) {
        if (notice.isPresent() && reminder.compareTo(notice.get()) >= 0) {
            f.text().at(at, f.name("reminders") + ": a reminder " + PolicySyntax.format(reminder)
                    + " before is not shorter than " + what + " (" + PolicySyntax.format(notice.get())
                    + "); reminders come after the notices they remind of");
        }
    }

    private static List<String> addresses(PolicyFields f, PolicySyntax syntax, String key, boolean required) {
        List<String> out = new ArrayList<>();
        for (ScalarNode s : f.strings(key, required, "a mailing-list address")) {
            syntax.mailingList(s, f.name(key)).filter(a -> !out.contains(a)).ifPresent(out::add);
        }
        return out;
    }

    static Policy.MeetingRule meeting(PolicyFields top, PolicySyntax syntax) {
        PolicyFields f = top.section("meeting", List.of("minimum", "weekly", "channel", "list", "agendaLead",
                "minutesHosts"));
        int minimum = f.number("minimum", 0);
        String name = f.name("weekly");
        Optional<ScalarNode> weekly = f.string("weekly", "DAY HH:MM ZONE (e.g. Thursday 18:00 UTC)");
        DayOfWeek day = DayOfWeek.THURSDAY;
        LocalTime time = LocalTime.MIDNIGHT;
        ZoneId zone = ZoneId.of("UTC");
        if (weekly.isPresent()) {
            ScalarNode s = weekly.get();
            List<PolicySyntax.Word> words = PolicySyntax.words(s);
            if (words.size() != 3) {
                f.text().at(s, name + ": '" + PolicyText.printable(s.text())
                        + "' is not DAY HH:MM ZONE; write e.g. Thursday 18:00 UTC");
            } else {
                day = syntax.day(s, words.get(0), name).orElse(day);
                time = syntax.time(s, words.get(1), name).orElse(time);
                zone = syntax.zone(s, words.get(2), name).orElse(zone);
            }
        }
        Optional<String> channel = f.optionalString("channel", "the meeting's channel (#fedora-meeting)")
                .map(ScalarNode::text).map(String::strip);
        Optional<String> list = f.optionalString("list", "a mailing-list address")
                .flatMap(s -> syntax.mailingList(s, f.name("list")));
        Duration lead = f.keys().contains("agendaLead") ? PolicyReader.optionalDuration(f, syntax, "agendaLead")
                .orElse(Policy.MeetingRule.AGENDA_LEAD) : Policy.MeetingRule.AGENDA_LEAD;
        List<String> hosts = new ArrayList<>();
        for (ScalarNode s : f.strings("minutesHosts", false, "a host name (meetbot.fedoraproject.org)")) {
            String host = s.text().strip().toLowerCase(java.util.Locale.ROOT);
            if (!host.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\\d{1,5})?")) {
                f.text().at(s, f.name("minutesHosts") + ": '" + PolicyText.printable(s.text())
                        + "' is not a host name; write the host alone, e.g. meetbot.fedoraproject.org");
            } else if (!hosts.contains(host)) {
                hosts.add(host);
            }
        }
        return new Policy.MeetingRule(minimum, day, time, zone, channel, list, lead, hosts);
    }

    static Policy.ScheduleRule schedule(PolicyFields top, PolicySyntax syntax) {
        PolicyFields f = top.section("schedule", List.of("businessHours", "afterRelease"));
        String name = f.name("businessHours");
        Optional<ScalarNode> hours = f.string("businessHours", "DAYS HH:MM-HH:MM ZONE (e.g. Mon-Fri 09:00-17:00 UTC)");
        Set<DayOfWeek> days = Set.of();
        LocalTime from = LocalTime.MIDNIGHT;
        LocalTime to = LocalTime.MAX;
        ZoneId zone = ZoneId.of("UTC");
        if (hours.isPresent()) {
            ScalarNode s = hours.get();
            List<PolicySyntax.Word> words = PolicySyntax.words(s);
            List<PolicySyntax.Word> times = words.size() == 3 ? PolicySyntax.split(words.get(1), '-') : List.of();
            if (times.size() != 2) {
                f.text().at(s, name + ": '" + PolicyText.printable(s.text())
                        + "' is not DAYS HH:MM-HH:MM ZONE; write e.g. Mon-Fri 09:00-17:00 UTC");
            } else {
                days = syntax.days(s, words.get(0), name).orElse(days);
                Optional<LocalTime> start = syntax.time(s, times.get(0), name);
                Optional<LocalTime> end = syntax.time(s, times.get(1), name);
                zone = syntax.zone(s, words.get(2), name).orElse(zone);
                if (start.isPresent() && end.isPresent() && !start.get().isBefore(end.get())) {
                    f.text().at(f.text().within(s, times.get(1).index()), name + ": the hours end ("
                            + times.get(1).text() + ") before or when they start (" + times.get(0).text()
                            + "); write FROM-TO with FROM the earlier time");
                }
                from = start.orElse(from);
                to = end.orElse(to);
            }
        }
        Duration afterRelease = PolicyReader.duration(f, syntax, "afterRelease");
        return new Policy.ScheduleRule(days, from, to, zone, afterRelease);
    }

    private static final List<String> DETECTION = List.of("minCalls", "errorRatio", "rise", "baseline", "settling",
            "silence");

    /**
     * The breakage detector's thresholds: an optional section (a policy written before it reads with the
     * defaults), each key optional with its default, each value checked against its range.
     */
    static Policy.DetectionRule detection(PolicyFields top, PolicySyntax syntax) {
        Policy.DetectionRule d = Policy.DetectionRule.DEFAULTS;
        if (!top.keys().contains("detection")) {
            return d;
        }
        PolicyFields f = top.section("detection", DETECTION);
        int minCalls = f.keys().contains("minCalls") ? f.number("minCalls", 1) : d.minCalls();
        f.keys().stream().filter(k -> k.equals("minCalls") && minCalls > Policy.DetectionRule.MAX_CALLS)
                .flatMap(k -> f.required(k).stream()).forEach(n ->
                f.text().at(n, f.name("minCalls") + " must be at most " + Policy.DetectionRule.MAX_CALLS + ", not "
                        + minCalls));
        return new Policy.DetectionRule(minCalls, share(f, "errorRatio", false, d.errorRatio()),
                share(f, "rise", true, d.rise()), window(f, syntax, "baseline", d.baseline()),
                window(f, syntax, "settling", d.settling()), window(f, syntax, "silence", d.silence()));
    }

    /** A share from 0 (excluded unless {@code zero}) to 1, written as a number such as 0.5. */
    private static double share(PolicyFields f, String key, boolean zero, double otherwise) {
        if (!f.keys().contains(key)) {
            return otherwise;
        }
        org.breakwater.apidiff.spec.Node value = f.required(key).orElseThrow();
        String range = zero ? "from 0 to 1" : "above 0 and at most 1";
        if (!(value instanceof ScalarNode s) || s.kind() != ScalarNode.Kind.NUMBER) {
            f.wrongType(key, value, "a share " + range + " (0.5 is half)");
            return otherwise;
        }
        Optional<java.math.BigDecimal> n = s.decimal();
        if (n.isEmpty() || n.get().compareTo(java.math.BigDecimal.ONE) > 0 || n.get().signum() < 0
                || !zero && n.get().signum() == 0) {
            f.text().at(s, f.name(key) + " must be a share " + range + " (0.5 is half), not " + s.text());
            return otherwise;
        }
        return n.get().doubleValue();
    }

    /** A duration of at least a minute and at most {@link Policy.DetectionRule#LONGEST}. */
    private static Duration window(PolicyFields f, PolicySyntax syntax, String key, Duration otherwise) {
        if (!f.keys().contains(key)) {
            return otherwise;
        }
        Optional<Duration> d = PolicyReader.optionalDuration(f, syntax, key);
        if (d.isPresent() && (d.get().isZero() || d.get().compareTo(Policy.DetectionRule.LONGEST) > 0)) {
            ScalarNode written = (ScalarNode) f.required(key).orElseThrow();
            f.text().at(written, f.name(key) + " must be 1m to " + PolicySyntax.format(Policy.DetectionRule.LONGEST)
                    + ", not " + written.text().strip());
            return otherwise;
        }
        return d.orElse(otherwise);
    }
}
