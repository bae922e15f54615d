package org.breakwater.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.breakwater.policy.PolicyReaderTest.minimalWith;
import static org.breakwater.policy.PolicyReaderTest.problems;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The meeting section's optional keys: the channel, the list the agenda goes to, its lead time, the minutes' hosts. */
class MeetingPolicyTest {
    private static final String WEEKLY = "  weekly: Tue 09:30 Europe/Paris";

    @Test
    void without_the_new_keys_there_is_no_list_no_hosts_and_a_day_of_lead() throws Exception {
        Policy.MeetingRule m = PolicyReader.parse(PolicyReaderTest.MINIMAL, "policy.yaml").meeting();
        assertThat(m.channel()).isEmpty();
        assertThat(m.list()).isEmpty();
        assertThat(m.agendaLead()).isEqualTo(Duration.ofDays(1));
        assertThat(m.minutesHosts()).isEmpty();
    }

    @Test
    void the_keys_are_read() throws Exception {
        Policy.MeetingRule m = PolicyReader.parse(minimalWith(WEEKLY, WEEKLY + "\n  channel: \"#fedora-meeting\"\n"
                + "  list: infrastructure@lists.fedoraproject.org\n  agendaLead: 2d\n"
                + "  minutesHosts: [MeetBot.fedoraproject.org, \"127.0.0.1:8080\"]"), "policy.yaml").meeting();
        assertThat(m.channel()).contains("#fedora-meeting");
        assertThat(m.list()).isEqualTo(Optional.of("infrastructure@lists.fedoraproject.org"));
        assertThat(m.agendaLead()).isEqualTo(Duration.ofDays(2));
        assertThat(m.minutesHosts()).isEqualTo(List.of("meetbot.fedoraproject.org", "127.0.0.1:8080"));
    }

    @Test
    void a_host_written_as_an_address_and_a_lead_that_is_no_duration_are_refused_where_they_stand() {
        assertThat(problems(minimalWith(WEEKLY, WEEKLY + "\n  agendaLead: a day\n"
                + "  minutesHosts: [https://meetbot.fedoraproject.org/]"))).containsExactly(
                "policy.yaml:16:15: meeting.agendaLead: 'a day' is not a duration; write a whole number and a unit m,"
                        + " h, d or w: 30m, 4h, 14d, 2w",
                "policy.yaml:17:18: meeting.minutesHosts: 'https://meetbot.fedoraproject.org/' is not a host name;"
                        + " write the host alone, e.g. meetbot.fedoraproject.org");
    }
}
