package org.breakwater.meeting.cli;

import java.io.PrintWriter;
import org.breakwater.meeting.FollowUp;
import org.breakwater.meeting.ItemState;
import org.breakwater.meeting.Meeting;
import org.breakwater.meeting.MeetingService;
import org.breakwater.meeting.StoredItem;

/** Meetings as text for the terminal. */
final class MeetingText {
    private MeetingText() {
    }

    static String heading(Meeting m) {
        return "Meeting " + m.id() + ": " + (m.title().isEmpty() ? "untitled" : m.title()) + ", " + m.date() + " "
                + m.start() + " UTC" + m.channel().map(c -> " in " + c).orElse("") + (m.truncated()
                ? " (TRUNCATED: no end-of-meeting marker; read up to the cut)" : "");
    }

    static void print(PrintWriter out, MeetingService.Shown s) {
        Meeting m = s.meeting();
        out.println(heading(m));
        out.println("  from " + m.source() + " (" + m.format().name().toLowerCase(java.util.Locale.ROOT)
                + ", sha256 " + m.contentHash().substring(0, 12) + "), ingested by " + m.ingestedBy());
        out.println("  chairs: " + String.join(", ", m.chairs()) + "; present: " + String.join(", ", m.participants()));
        if (s.items().isEmpty()) {
            out.println("  no item names a plan or a service Breakwater knows");
        }
        for (StoredItem i : s.items()) {
            out.println("  [" + i.id() + "] " + i.source());
            out.println("        " + i.state().id() + ": " + i.outcome());
            if (i.state() == ItemState.PENDING) {
                out.println("        confirm: breakwater meeting confirm " + i.id() + " "
                        + String.join("|", i.candidates()) + "|none");
            }
        }
        for (FollowUp f : s.followUps()) {
            out.println("  follow-up " + f.id() + " (line " + f.line() + (f.planId().map(p -> ", plan BW-" + p).orElse(""))
                    + (f.open() ? "" : ", done by " + f.doneBy().orElse("?")) + "): " + f.text());
        }
    }
}
