package org.breakwater.meeting.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A fetch that cannot connect says why in words, naming the host, not the JDK's exception class. */
class MinutesFetcherFailureTest {
    @Test
    void minutes_from_a_port_nobody_listens_on_are_refused_with_the_host_and_the_reason_in_words() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort(); // closed again at once: nothing listens there any more
        }
        String url = "http://127.0.0.1:" + port + "/infrastructure.2014-06-12-18.00.txt";
        MinutesFetcher.Fetched f = new MinutesFetcher(List.of("127.0.0.1:" + port), 1 << 20, Duration.ofSeconds(30)).fetch(url);
        assertThat(f).isInstanceOf(MinutesFetcher.Fetched.Refused.class);
        assertThat(((MinutesFetcher.Fetched.Refused) f).reason())
                .isEqualTo(url + ": cannot fetch it: no connection to 127.0.0.1:" + port
                        + " (refused, or the host cannot be reached from here)")
                .doesNotContain("Exception");
    }
}
