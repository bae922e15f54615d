package org.breakwater.deployday.postmortem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.breakwater.announce.Announcement;
import org.breakwater.catalog.Deployment;
import org.breakwater.deployday.board.DayIncident;
import org.breakwater.deployday.board.Tick;
import org.breakwater.deployday.measures.Spread;
import org.breakwater.plan.Evidence;
import org.breakwater.plan.Gate;
import org.breakwater.plan.Migration;
import org.breakwater.plan.Plan;

/**
 * Writes the draft: a title and date as the pkgdb2 post-mortem had them, what happened in time
 * order, what was announced, deployed and broken, the incidents with their times, what staging had
 * shown, and the three questions the seed's post-mortem worked through, left for people to answer.
 */
public final class PostMortemWriter {
    private PostMortemWriter() {
    }

    public static String write(PostMortemFacts f) {
        Plan p = f.report().plan();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(p.title()).append(" post-mortem and strategy for future deployments\n\n");
        md.append("Draft written by Breakwater on ").append(t(f.written())).append(" from the record of plan ")
                .append(p.id()).append(". Edit it before you send it.\n\n");
        md.append("## The deployment\n\n");
        md.append("- What: ").append(p.releaseLabel()).append(" to ").append(p.environment()).append('\n');
        md.append("- Window: ").append(t(p.start())).append(" to ").append(t(p.end())).append('\n');
        md.append("- Owner: ").append(p.owner()).append(p.ticket().map(x -> " (" + x + ")").orElse(""))
                .append('\n');
        md.append("- Outcome: ").append(p.status().id()).append('\n');
        md.append("- Breaking changes: ").append(f.report().assessment().breaks() ? "yes" : "none found").append("\n\n");
        timeline(md, f);
        notices(md, f.notices());
        deployments(md, f.deployments());
        roster(md, f);
        broke(md, f);
        incidents(md, f);
        staging(md, f.report().gates());
        md.append("## Ideas for doing major deployments in the future\n\n")
                .append("1. Did people know the API would break? (notices above; who did not hear of it?)\n")
                .append("2. What would more testing in staging have caught? (staging above)\n")
                .append("3. Mean time to repair: were the right people there, and how fast was each break fixed?\n\n")
                .append("## Comments, thoughts, other ideas?\n\n_(to fill in)_\n");
        return md.toString();
    }

    private static void timeline(StringBuilder md, PostMortemFacts f) {
        List<Map.Entry<Instant, String>> events = new ArrayList<>();
        events.add(Map.entry(f.report().plan().createdAt(), "plan created by " + f.report().plan().owner()));
        f.notices().forEach(a -> a.sentAt().ifPresent(s -> events.add(Map.entry(s, a.kind().id() + " sent: "
                + a.subject()))));
        f.checklist().forEach(t -> events.add(Map.entry(t.at(), t.step().title() + ", ticked by " + t.by())));
        f.deployments().forEach(d -> events.add(Map.entry(d.at(), d.service() + " " + d.version() + " deployed to "
                + d.environment() + " by " + d.by())));
        for (DayIncident i : f.incidents()) {
            events.add(Map.entry(i.detectedAt(), "incident #" + i.id() + " detected: " + i.title()));
            i.resolvedAt().ifPresent(r -> events.add(Map.entry(r, "incident #" + i.id() + " resolved")));
        }
        events.sort(Map.Entry.comparingByKey());
        md.append("## What happened\n\n");
        events.forEach(e -> md.append("- ").append(t(e.getKey())).append(" — ").append(e.getValue()).append('\n'));
        md.append('\n');
    }

    private static void notices(StringBuilder md, List<Announcement> notices) {
        md.append("## Notices sent\n\n");
        List<Announcement> sent = notices.stream().filter(a -> a.sentAt().isPresent()).toList();
        if (sent.isEmpty()) {
            md.append("None recorded as sent.\n\n");
            return;
        }
        sent.forEach(a -> md.append("- ").append(t(a.sentAt().get())).append(": ").append(a.kind().id())
                .append(" to ").append(String.join(", ", a.to())).append(" — ").append(a.subject()).append('\n'));
        md.append('\n');
    }

    private static void deployments(StringBuilder md, List<Deployment> list) {
        md.append("## Deployments\n\n");
        if (list.isEmpty()) {
            md.append("None recorded in the window.\n\n");
            return;
        }
        list.forEach(d -> md.append("- ").append(t(d.at())).append(": ").append(d.service()).append(' ')
                .append(d.version()).append(" in ").append(d.environment()).append(" by ").append(d.by())
                .append(d.notes().map(n -> " (" + n + ")").orElse("")).append('\n'));
        md.append('\n');
    }

    private static void roster(StringBuilder md, PostMortemFacts f) {
        md.append("## Who was on the roster\n\n");
        if (f.roster().isEmpty()) {
            md.append("Nobody was on the roster.\n\n");
            return;
        }
        f.roster().forEach(m -> md.append("- ").append(m.username()).append(", ").append(m.role().id())
                .append(m.team().map(x -> " for " + x).orElse("")).append(": ")
                .append(m.confirmedAt().map(c -> "confirmed " + t(c)).orElse("not confirmed")).append('\n'));
        md.append('\n');
    }

    /** The first failing call per consumer (from the incidents), and the consumers still calling what broke. */
    private static void broke(StringBuilder md, PostMortemFacts f) {
        md.append("## What broke, first failing call per consumer\n\n");
        Map<String, DayIncident> first = new LinkedHashMap<>();
        f.incidents().stream().filter(i -> i.consumer().isPresent())
                .sorted(Comparator.comparing(i -> i.startedAt().orElse(i.detectedAt())))
                .forEach(i -> first.putIfAbsent(i.consumer().get(), i));
        if (first.isEmpty()) {
            md.append("No failing call recorded.\n");
        }
        first.forEach((c, i) -> md.append("- ").append(c).append(": ").append(i.operation().orElse("?"))
                .append(" first failed ").append(t(i.startedAt().orElse(i.detectedAt()))).append('\n'));
        List<Migration> calling = f.report().migrations().stream().filter(m -> !m.stillCalls().isEmpty()).toList();
        if (!calling.isEmpty()) {
            md.append("\nStill calling what the release breaks (from the access logs):\n\n");
            calling.forEach(m -> m.stillCalls().forEach(c -> md.append("- ").append(m.consumer()).append(": ")
                    .append(c.operation()).append(", ").append(c.calls()).append(" calls, last ")
                    .append(t(c.lastSeen())).append('\n')));
        }
        md.append('\n');
    }

    private static void incidents(StringBuilder md, PostMortemFacts f) {
        md.append("## Incidents\n\n");
        if (f.incidents().isEmpty()) {
            md.append("None recorded.\n\n");
            return;
        }
        md.append("| # | What | Severity | Detected | Acknowledged | Resolved |\n|---|---|---|---|---|---|\n");
        f.incidents().forEach(i -> md.append("| ").append(i.id()).append(" | ").append(i.title().replace("|", "\\|"))
                .append(" | ").append(i.severity()).append(" | ").append(t(i.detectedAt())).append(" | ")
                .append(i.acknowledgedAt().map(PostMortemWriter::t).orElse("—")).append(" | ")
                .append(i.resolvedAt().map(PostMortemWriter::t).orElse("—")).append(" |\n"));
        md.append("\nTime to detect ").append(spread(f.measures().timeToDetect())).append("; to acknowledge ")
                .append(spread(f.measures().timeToAcknowledge())).append("; to repair ")
                .append(spread(f.measures().timeToRepair())).append(".\n\n");
    }

    /** What the staging gates recorded: suite runs, replays, the candidate running there. */
    private static void staging(StringBuilder md, List<Gate> gates) {
        md.append("## What staging had shown\n\n");
        List<Gate> staging = gates.stream().filter(g -> g.id().startsWith("staging")).toList();
        if (staging.isEmpty()) {
            md.append("The policy asked nothing of staging for this plan.\n\n");
            return;
        }
        for (Gate g : staging) {
            md.append("- ").append(g.title()).append(": ").append(g.state().id()).append(" — ").append(g.detail())
                    .append('\n');
            for (Evidence e : g.evidence()) {
                md.append("  - ").append(t(e.at())).append(" ").append(e.evidence()).append(" (").append(e.by())
                        .append(")\n");
            }
        }
        md.append('\n');
    }

    static String spread(Spread s) {
        return s.mean().map(m -> "mean " + d(m) + ", max " + d(s.max().orElseThrow())).orElse("—");
    }

    static String d(Duration d) {
        long m = d.toMinutes();
        return m < 60 ? m + " min" : m / 60 + " h " + m % 60 + " min";
    }

    static String t(Instant i) {
        return i.toString().substring(0, 16).replace('T', ' ') + " UTC";
    }
}
