package org.breakwater.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.breakwater.App;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Role;
import org.breakwater.calendar.ReleaseCalendar;
import org.breakwater.calendar.files.CalendarException;
import org.breakwater.calendar.files.CalendarYaml;
import org.breakwater.catalog.Outcome;
import org.breakwater.plan.NewPlan;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanService;
import org.breakwater.plan.PlanStatus;
import org.breakwater.policy.PolicyReader;

/**
 * The demo's plans: the pkgdb2 roll-out as it should have gone, with the account-system update
 * in the same plan and part of its evidence recorded, and the updates system's v2 as a draft
 * to be placed after the Fedora 21 release, a borderline service's major update due now, whose
 * classification comes from yesterday's meeting minutes (DemoMeetings); the release calendar they are judged against; and the
 * accounts that log in to the demo server.
 */
final class DemoPlans {
    private static final Pattern DAY = Pattern.compile("\\$\\{(DAY|WEEKDAY)([+-]\\d+)}");
    /** The day, counted from today, of Fedora 21's final release in demo/calendar.yaml. */
    static final int F21_FINAL_DAY = 59;

    /** The demo's announcements come from here. */
    static final String FROM = "breakwater@fedoraproject.org";

    /** The demo accounts' password (the demo server listens on loopback only). */
    static final String PASSWORD = "breakwater-demo";
    /** The demo accounts: the pkgdb owner, an admin, and a QA engineer who may only read. */
    static final List<Principal> ACCOUNTS = List.of(
            new Principal("pingou", Role.SERVICE_OWNER, Optional.of("infrastructure")),
            new Principal("nirik", Role.ADMIN, Optional.empty()),
            new Principal("adamwill", Role.VIEWER, Optional.empty()));

    /** The plans made, by role. */
    record Made(long pkgdb2, long bodhi2, long fedocal) {
    }

    /** The line the login page and the walkthrough show. */
    static String loginHint() {
        return "Demo accounts (password " + PASSWORD + "): pingou, who owns the package database and the calendar;"
                + " nirik, an admin; adamwill from QA, who may only read.";
    }

    static void accounts(App app) {
        for (Principal p : ACCOUNTS) {
            done(app.access().saveAccount(p, Optional.of(PASSWORD), "demo"));
        }
    }

    private DemoPlans() {
    }

    /**
     * The demo calendar, its {@code ${DAY+N}} placeholders turned into dates relative to {@code today} and its
     * {@code ${WEEKDAY+N}} into the day of the week N days from today (so that the weekly freeze never falls on
     * the demo's own day, when the fedocal plan's window is open).
     */
    static ReleaseCalendar calendar(Path root, LocalDate today) throws IOException, CalendarException {
        Path file = root.resolve("calendar.yaml");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Matcher m = DAY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            LocalDate day = today.plusDays(Long.parseLong(m.group(2)));
            m.appendReplacement(out, m.group(1).equals("DAY") ? day.toString()
                    : day.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ROOT)
                            .toUpperCase(java.util.Locale.ROOT));
        }
        m.appendTail(out);
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
        return CalendarYaml.read(out.toString(), file.toString());
    }

    static Made make(App app, Instant now) {
        PlanService plans = app.plans(PolicyReader.defaults());
        Instant today = now.truncatedTo(ChronoUnit.DAYS);
        Plan pkgdb2 = done(plans.create(new NewPlan("pkgdb2 roll-out, with the account system 0.8.19",
                Map.of("pkgdb", "2.0.0", "fas", "0.8.19"), Map.of(), "production",
                today.plus(Duration.ofDays(12)).plus(Duration.ofHours(15)), Duration.ofHours(4), "pingou",
                Optional.of("https://fedorahosted.org/fedora-infrastructure/ticket/4242"), PlanStatus.SCHEDULED)));
        long id = pkgdb2.id();
        record(plans, id, "api-break-notice", "https://lists.fedoraproject.org/pipermail/devel/2014-June/199001.html",
                "pingou", now.minus(Duration.ofDays(3)), null);
        // the meeting gate comes from the minutes of the meeting that agreed the date (DemoMeetings)
        // staging-green is not recorded by hand: it follows the demo suite's runs (DemoSuites)
        for (String consumer : new String[] {"bodhi-pkgdb-client", "packages-pkgdb-connector", "pkgdb-cli"}) {
            record(plans, id, "consumers-acknowledged", "ported in staging, see the ticket", "pingou",
                    now.minus(Duration.ofDays(2)), consumer);
        }
        Plan bodhi2 = done(plans.create(new NewPlan("bodhi2, the updates system v2", Map.of("bodhi", "2.0.0"), Map.of(),
                "production", today.plus(Duration.ofDays(40)).plus(Duration.ofHours(15)), Duration.ofHours(6),
                "lmacken", Optional.empty(), PlanStatus.DRAFT)));
        // a borderline service's major update, due now (its window opened an hour ago and closes in an hour):
        // whether the policy applies is the weekly meeting's call
        Plan fedocal = done(plans.create(new NewPlan("fedocal 1.0: per-calendar iCal feeds, new API paths",
                Map.of("fedocal", "1.0.0"), Map.of(), "production", now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(1)),
                Duration.ofHours(2), "pingou", Optional.of("https://fedorahosted.org/fedora-infrastructure/ticket/4251"),
                PlanStatus.SCHEDULED), true)); // its start has just passed: forced, as a late plan would be
        // the outage notice is due in a few days: written, waiting for the owner to read and send it
        done(app.announcements(PolicyReader.defaults(), org.breakwater.announce.Templates.defaults(), FROM)
                .draft(id, org.breakwater.announce.Kind.OUTAGE_NOTICE, Optional.empty(), Optional.empty(), "pingou"));
        return new Made(id, bodhi2.id(), fedocal.id());
    }

    private static void record(PlanService plans, long id, String gate, String evidence, String by, Instant at,
                               String note) {
        done(plans.record(id, gate, evidence, by, Optional.of(at), Optional.ofNullable(note), Optional.empty()));
    }

    private static <T> T done(Outcome<T> o) {
        if (o instanceof Outcome.Done<T> d) {
            return d.value();
        }
        throw new IllegalStateException("the demo data does not fit: " + ((Outcome.Refused<T>) o).reason());
    }
}
