package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.breakwater.traffic.Cidr;
import org.junit.jupiter.api.Test;

/** Who the client is behind trusted proxies, and which public URLs are accepted. */
class NetworkTest {
    private final Network proxies = new Network(Optional.empty(), List.of(Cidr.parse("10.0.0.0/8").orElseThrow(),
            Cidr.parse("2001:db8::/32").orElseThrow()));

    @Test
    void a_peer_that_is_not_a_trusted_proxy_is_the_client_whatever_it_writes() {
        assertThat(proxies.client("198.51.100.7", List.of("192.0.2.1"))).isEqualTo("198.51.100.7");
        assertThat(Network.direct().client("10.0.0.5", List.of("192.0.2.1"))).isEqualTo("10.0.0.5");
    }

    @Test
    void behind_trusted_proxies_the_client_is_the_nearest_address_that_is_not_one_of_them() {
        assertThat(proxies.client("10.0.0.5", List.of("192.0.2.1"))).isEqualTo("192.0.2.1");
        assertThat(proxies.client("10.0.0.5", List.of("203.0.113.66, 192.0.2.1, 10.1.1.1"))).isEqualTo("192.0.2.1");
        assertThat(proxies.client("10.0.0.5", List.of("203.0.113.66", "192.0.2.1"))).as("two header lines")
                .isEqualTo("192.0.2.1");
        assertThat(proxies.client("2001:db8::1", List.of("2001:DB9::9, 2001:0db8:0:0:0:0:0:2")))
                .as("IPv6, in one spelling").isEqualTo("2001:db9:0:0:0:0:0:9");
        assertThat(proxies.client("10.0.0.5", List.of("10.0.0.7, 10.0.0.6"))).as("all proxies: the farthest")
                .isEqualTo("10.0.0.7");
    }

    @Test
    void a_hop_that_is_not_an_address_stops_at_the_proxy_that_passed_it_on() {
        assertThat(proxies.client("10.0.0.5", List.of("unknown"))).isEqualTo("10.0.0.5");
        assertThat(proxies.client("10.0.0.5", List.of("192.0.2.1:4711, 10.0.0.9"))).isEqualTo("10.0.0.9");
        assertThat(proxies.client("10.0.0.5", List.of("evil.example.org"))).as("no name is looked up").isEqualTo("10.0.0.5");
        assertThat(proxies.client("10.0.0.5", List.of())).isEqualTo("10.0.0.5");
    }

    @Test
    void a_public_url_is_an_absolute_http_url_with_a_host() {
        assertThat(Network.publicUrl("https://breakwater.example.org")).isEqualTo("https://breakwater.example.org");
        assertThat(new Network(Optional.of("https://bw.example.org/"), List.of()).publicUrl())
                .contains("https://bw.example.org");
        for (String bad : List.of("breakwater.example.org", "ftp://x.example", "https://bw.example.org/?a=1",
                "https://user@bw.example.org", "http://", "https://bw.example.org/#top")) {
            assertThatThrownBy(() -> Network.publicUrl(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("--public-url");
        }
    }

    @Test
    void origins_are_written_as_browsers_write_them() {
        assertThat(OriginCheck.origin("https://BW.example.org:443/x")).isEqualTo("https://bw.example.org");
        assertThat(OriginCheck.origin("http://bw.example.org:8080")).isEqualTo("http://bw.example.org:8080");
    }
}
