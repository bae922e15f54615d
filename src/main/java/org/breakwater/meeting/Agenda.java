package org.breakwater.meeting;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The agenda of one occurrence of the weekly meeting: what must be discussed there, each item with
 * a stable reference ({@code BW-12} for a plan, {@code FU-4} for a follow-up without one) and the
 * lines a chair pastes into the channel.
 */
public record Agenda(ZonedDateTime occurrence, Optional<String> channel, List<Item> items) {
    public Agenda {
        items = List.copyOf(items);
    }

    /** What an agenda item asks the meeting for, in the order the agenda lists them. */
    public enum Kind {
        PLAN_DATE("deployment date to discuss"),
        CLASSIFY("borderline service to classify"),
        FREEZE_BREAK("freeze break to approve"),
        WAIVER("waiver to ratify"),
        INCIDENT("open incident"),
        FOLLOW_UP("follow-up from an earlier meeting");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * @param overdue the plan starts before this meeting, or its gate's deadline has passed: too late
     *                for what the policy asks; listed so the meeting sees it
     */
    public record Item(String reference, Kind kind, String title, String detail, boolean overdue) {
        /** The {@code #topic} line for the channel. */
        public String topic() {
            return "#topic " + reference + " " + title + (overdue ? " (OVERDUE)" : "");
        }

        /** The {@code #info} line for the channel. */
        public String info() {
            return "#info " + reference + " " + kind.label() + ": " + detail;
        }
    }

    /** The ready-to-paste lines: a {@code #topic} and an {@code #info} per item. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (Item i : items) {
            out.add(i.topic());
            out.add(i.info());
        }
        return out;
    }

    /** "Thursday 2014-06-12 18:00 UTC". */
    public String when() {
        return occurrence.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " "
                + occurrence.toLocalDate() + " " + occurrence.toLocalTime() + " " + occurrence.getZone().getId();
    }

    /** The agenda as a mail body or a terminal listing. */
    public String text() {
        StringBuilder b = new StringBuilder("Agenda of the weekly meeting, " + when() + channel.map(c -> " in " + c)
                .orElse("") + "\n\n");
        if (items.isEmpty()) {
            b.append("Nothing from Breakwater this week.\n");
        }
        for (Kind k : Kind.values()) {
            List<Item> of = items.stream().filter(i -> i.kind() == k).toList();
            if (of.isEmpty()) {
                continue;
            }
            b.append(k.label().substring(0, 1).toUpperCase(java.util.Locale.ROOT)).append(k.label().substring(1))
                    .append(":\n");
            for (Item i : of) {
                b.append("  ").append(i.reference()).append(i.overdue() ? " OVERDUE " : " ").append(i.title())
                        .append("\n      ").append(i.detail()).append('\n');
            }
        }
        if (!items.isEmpty()) {
            b.append("\nFor the chair, ready to paste:\n");
            lines().forEach(l -> b.append("  ").append(l).append('\n'));
        }
        return b.toString();
    }
}
