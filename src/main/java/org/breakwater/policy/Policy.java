package org.breakwater.policy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.breakwater.catalog.Tier;

/**
 * The major-deployment policy as code (docs/policy.md explains every rule). Read from a
 * {@code policy.yaml} the team keeps in git; the default is the policy Fedora's infrastructure
 * team agreed on after the pkgdb2 roll-out in June 2014.
 *
 * @param version  the policy's own version number, raised with every change
 * @param ratified the day the meeting that ratified this version took place
 * @param minutes  the minutes of that meeting
 * @param appliesTo when the policy applies, per service tier
 * @param hash     SHA-256 of the file it was read from, so an assessment says which text it used
 */
public record Policy(int version, LocalDate ratified, Optional<String> minutes, Map<Tier, Applicability> appliesTo,
                     Announcements announcements, MeetingRule meeting, StagingRule staging,
                     ConsumerRule consumers, RosterRule roster, FreezeRule freeze, ScheduleRule schedule,
                     DetectionRule detection, String hash) {
    public Policy {
        appliesTo = Map.copyOf(appliesTo);
        for (Tier t : Tier.values()) {
            if (!appliesTo.containsKey(t)) {
                throw new IllegalArgumentException("the policy says nothing about " + t.id() + " services");
            }
        }
    }

    /** A policy without a {@code detection} section: the detector's defaults ({@link DetectionRule#DEFAULTS}). */
    public Policy(int version, LocalDate ratified, Optional<String> minutes, Map<Tier, Applicability> appliesTo,
                  Announcements announcements, MeetingRule meeting, StagingRule staging, ConsumerRule consumers,
                  RosterRule roster, FreezeRule freeze, ScheduleRule schedule, String hash) {
        this(version, ratified, minutes, appliesTo, announcements, meeting, staging, consumers, roster, freeze, schedule,
                DetectionRule.DEFAULTS, hash);
    }

    /**
     * Notices and the lists they go to.
     *
     * @param apiBreakNotice the separate "an API-breaking update is planned for DATE" notice, this long before
     * @param outageNotice   the usual outage notice, this long before
     * @param reminders      reminders, each this long before the start
     * @param always         lists every announcement goes to (the infrastructure list)
     * @param byTier         lists added for services of a tier (the developers' list for essential services)
     */
    public record Announcements(Duration apiBreakNotice, Duration outageNotice, List<Duration> reminders,
                                List<String> always, Map<Tier, List<String>> byTier) {
        public Announcements {
            reminders = List.copyOf(reminders);
            always = List.copyOf(always);
            byTier = Map.copyOf(byTier);
        }

        /** Where announcements about a service of {@code tier} go, in order, without repeats. */
        public List<String> listsFor(Tier tier) {
            java.util.LinkedHashSet<String> lists = new java.util.LinkedHashSet<>(always);
            lists.addAll(byTier.getOrDefault(tier, List.of()));
            return List.copyOf(lists);
        }
    }

    /**
     * Discussed at {@code minimum} weekly meetings before the date; the meeting is held then.
     *
     * @param channel      where the meeting is held ("#fedora-meeting"), for the agenda
     * @param list         the team's mailing list the agenda goes to; no agenda mail without one
     * @param agendaLead   how long before each meeting its agenda is mailed
     * @param minutesHosts the hosts minutes may be fetched from by URL (docs/meetings.md)
     */
    public record MeetingRule(int minimum, DayOfWeek day, LocalTime time, ZoneId zone, Optional<String> channel,
                              Optional<String> list, Duration agendaLead, List<String> minutesHosts) {
        /** The default agenda lead time: a day before the meeting. */
        public static final Duration AGENDA_LEAD = Duration.ofDays(1);

        public MeetingRule {
            minutesHosts = List.copyOf(minutesHosts);
        }

        public MeetingRule(int minimum, DayOfWeek day, LocalTime time, ZoneId zone) {
            this(minimum, day, time, zone, Optional.empty(), Optional.empty(), AGENDA_LEAD, List.of());
        }
    }

    /**
     * @param greenDays      the end-to-end suite green on each of the last N days before the start
     * @param runsCandidate  staging runs the candidate version
     * @param soak           the candidate has run in staging at least this long (for proposing dates)
     * @param replay         production's sampled calls replayed against the candidate show no
     *                       unexplained difference (gate staging-replay)
     * @param replaySchedule when {@code serve} replays each open plan's calls (a five-field cron
     *                       expression in UTC); empty: only by hand (docs/staging.md, Replay)
     */
    public record StagingRule(int greenDays, boolean runsCandidate, Duration soak, boolean replay,
                              Optional<String> replaySchedule) {
        /** The replay's schedule when the policy names none: 06:00 UTC daily, like the suites'. */
        public static final String DAILY_REPLAY = "0 6 * * *";

        public StagingRule(int greenDays, boolean runsCandidate, Duration soak, boolean replay) {
            this(greenDays, runsCandidate, soak, replay, replay ? Optional.of(DAILY_REPLAY) : Optional.empty());
        }

        public StagingRule(int greenDays, boolean runsCandidate, Duration soak) {
            this(greenDays, runsCandidate, soak, false);
        }
    }

    /**
     * @param allAcknowledged   every affected consumer's owner acknowledged the break
     * @param essentialVerified consumers that are part of essential services are verified migrated
     */
    public record ConsumerRule(boolean allAcknowledged, boolean essentialVerified) {
    }

    /**
     * @param firefighters        named firefighters from the infrastructure team for the day
     * @param outsideTeamContacts one contact per affected outside team on the roster
     */
    public record RosterRule(int firefighters, boolean outsideTeamContacts) {
    }

    /**
     * @param blocksFrozenServices a freeze-sensitive service cannot be deployed inside a freeze…
     * @param freezeBreakApprovals …unless a freeze-break request has this many approvals
     */
    public record FreezeRule(boolean blocksFrozenServices, int freezeBreakApprovals) {
    }

    /**
     * When deployments may happen: the whole deployment, from its start to its expected end,
     * fits inside the business hours of one working day.
     *
     * @param days         the working days
     * @param from         business hours start…
     * @param to           …and end, in {@code zone}
     * @param afterRelease a deployment starts at least this long after a release
     */
    public record ScheduleRule(Set<DayOfWeek> days, LocalTime from, LocalTime to, ZoneId zone, Duration afterRelease) {
        public ScheduleRule {
            days = Set.copyOf(days);
        }
    }

    /**
     * When the deployment day's breakage detector opens a suspected incident (docs/deployment-day.md).
     *
     * @param minCalls   calls after the cut-over before a consumer x operation is judged
     * @param errorRatio share of those calls answered 4xx/5xx at or past which it is failing, in (0, 1]
     * @param rise       how far that share must exceed the baseline's, in [0, 1]
     * @param baseline   how long before the cut-over the baseline is taken
     * @param settling   how long after the plan's end detection goes on
     * @param silence    how long a consumer seen in the baseline may go without a call before it is flagged silent
     */
    public record DetectionRule(int minCalls, double errorRatio, double rise, Duration baseline, Duration settling,
                                Duration silence) {
        /** Five calls, half failing, thirty points over the baseline; 6 h baseline, 2 h settling, silent after 30 min. */
        public static final DetectionRule DEFAULTS = new DetectionRule(5, 0.5, 0.3, Duration.ofHours(6),
                Duration.ofHours(2), Duration.ofMinutes(30));
        /** The most calls a threshold may ask for, and the longest of its durations. */
        public static final int MAX_CALLS = 1_000_000;
        public static final Duration LONGEST = Duration.ofDays(30);
    }
}
