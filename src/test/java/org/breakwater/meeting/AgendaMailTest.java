package org.breakwater.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.breakwater.announce.AnnounceService;
import org.breakwater.announce.DemoMailCase;
import org.breakwater.announce.Templates;
import org.breakwater.catalog.Outcome;
import org.breakwater.policy.PolicyReader;
import org.junit.jupiter.api.Test;

/** The agenda mail reaches a real SMTP server (GreenMail on a random port) once per meeting, and not before its time. */
class AgendaMailTest extends DemoMailCase {
    AnnounceService announcements() {
        return app.announcements(PolicyReader.defaults(), Templates.defaults(), FROM);
    }

    /** Moves the clock to {@code before} ahead of the next meeting. */
    ZonedDateTime at(Duration before) {
        ZonedDateTime next = Occurrences.next(PolicyReader.defaults().meeting(), Instant.now().plus(Duration.ofHours(2)));
        clock.ahead = Duration.between(Instant.now(), next.toInstant().minus(before));
        return next;
    }

    @Test
    void the_agenda_mail_goes_out_once_per_meeting_from_its_lead_time() throws Exception {
        at(Duration.ofHours(30));
        assertThat(app.agenda(PolicyReader.defaults(), FROM).queueMail()).as("more than a day ahead")
                .isInstanceOf(Outcome.Refused.class);
        ZonedDateTime next = at(Duration.ofHours(20));
        assertThat(app.agenda(PolicyReader.defaults(), FROM).queueMail()).isInstanceOf(Outcome.Done.class);
        assertThat(app.agenda(PolicyReader.defaults(), FROM).queueMail()).as("another instance, the same meeting")
                .isInstanceOf(Outcome.Refused.class);
        assertThat(announcements().deliver(mail.couriers(), 100).delivered()).isEqualTo(1);
        at(Duration.ofHours(2));
        assertThat(app.agenda(PolicyReader.defaults(), FROM).queueMail()).isInstanceOf(Outcome.Refused.class);
        assertThat(announcements().deliver(mail.couriers(), 100).delivered()).isZero();

        MimeMessage[] got = mail.received();
        assertThat(got).hasSize(1);
        assertThat(got[0].getHeader("To", ", ")).isEqualTo("infrastructure@lists.fedoraproject.org");
        assertThat(got[0].getSubject()).isEqualTo("Meeting agenda: Thursday " + next.toLocalDate() + " 18:00 UTC in"
                + " #fedora-meeting");
        assertThat(got[0].getMessageID()).startsWith("<breakwater.agenda-" + next.toLocalDate() + ".")
                .endsWith("@fedoraproject.org>");
        assertThat((String) got[0].getContent()).contains("#topic BW-2 bodhi2");
    }

    @Test
    void the_next_meeting_gets_its_own_agenda_mail() throws Exception {
        at(Duration.ofHours(20));
        assertThat(app.agenda(PolicyReader.defaults(), FROM).queueMail()).isInstanceOf(Outcome.Done.class);
        clock.ahead = clock.ahead.plus(Duration.ofDays(7));
        assertThat(app.agenda(PolicyReader.defaults(), FROM).queueMail()).isInstanceOf(Outcome.Done.class);
        assertThat(announcements().deliver(mail.couriers(), 100).delivered()).isEqualTo(2);
        assertThat(mail.received()).hasSize(2);
    }
}
