package org.breakwater.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallerIdentifierTest {
    static CallerIdentifier.Request request(String address, String userAgent) {
        return new CallerIdentifier.Request(address, Optional.empty(), Optional.ofNullable(userAgent), Map.of());
    }

    @Test
    void address_blocks_match_ipv4_and_ipv6_and_never_look_a_name_up() {
        Cidr v4 = Cidr.parse("10.5.126.0/24").orElseThrow();
        assertThat(v4.contains("10.5.126.77")).isTrue();
        assertThat(v4.contains("10.5.127.1")).isFalse();
        assertThat(Cidr.parse("10.5.126.0/23").orElseThrow().contains("10.5.127.1")).isTrue();
        assertThat(Cidr.parse("10.5.126.9").orElseThrow().contains("10.5.126.9")).isTrue();
        Cidr v6 = Cidr.parse("2001:db8::/32").orElseThrow();
        assertThat(v6.contains("2001:db8:1::5")).isTrue();
        assertThat(v6.contains("[2001:db9::1]")).isFalse();
        assertThat(v6.contains("10.5.126.77")).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").orElseThrow().contains("192.0.2.1")).isTrue();
        for (String bad : new String[] {"pkgdb01.phx2.fedoraproject.org", "10.5.126.0/33", "10.5/8", "", "1.2.3.4/x"}) {
            assertThat(Cidr.parse(bad)).as(bad).isEmpty();
        }
        assertThat(v4.contains("proxy01.fedoraproject.org")).as("a name is not an address").isFalse();
    }

    @Test
    void the_first_matching_rule_names_the_consumer_and_others_are_described() {
        List<String> lookups = new ArrayList<>();
        CallerIdentifier id = new CallerIdentifier(List.of(
                new CallerRule("bodhi-pkgdb-client", CallerRule.Kind.USER_AGENT, "^bodhi/", Optional.empty()),
                new CallerRule("genacls", CallerRule.Kind.HOST, "^pkgs\\d*\\.phx2\\.", Optional.empty()),
                new CallerRule("fas-alias-sync", CallerRule.Kind.ADDRESS, "10.5.126.0/24", Optional.empty()),
                new CallerRule("pkgdb-cli", CallerRule.Kind.USER, "pingou", Optional.empty()),
                new CallerRule("badges", CallerRule.Kind.HEADER, "k-123", Optional.of("X-Api-Key"))),
                address -> {
                    lookups.add(address);
                    return address.equals("10.5.125.20") ? Optional.of("pkgs01.phx2.fedoraproject.org") : Optional.empty();
                });
        assertThat(id.identify(request("10.5.126.3", "bodhi/0.9.12 python-requests")).name()).isEqualTo("bodhi-pkgdb-client");
        assertThat(id.identify(request("10.5.125.20", "curl/7.29")).name()).isEqualTo("genacls");
        assertThat(id.identify(request("10.5.126.3", "python-requests/2.3")).name()).isEqualTo("fas-alias-sync");
        assertThat(id.identify(new CallerIdentifier.Request("192.0.2.9", Optional.of("pingou"), Optional.empty(), Map.of()))
                .name()).isEqualTo("pkgdb-cli");
        assertThat(id.identify(new CallerIdentifier.Request("192.0.2.9", Optional.empty(), Optional.empty(),
                Map.of("http_x_api_key", "k-123"))).name()).isEqualTo("badges");
        CallerIdentifier.Caller stranger = id.identify(request("192.0.2.50", "fedora-review/0.5"));
        assertThat(stranger.known()).isFalse();
        assertThat(stranger.name()).isEqualTo("unknown (fedora-review/0.5 from 192.0.2.50)");
        id.identify(request("10.5.125.20", "curl/7.29"));
        assertThat(lookups).as("each address is looked up once").doesNotHaveDuplicates();
    }

    @Test
    void without_host_rules_nothing_is_looked_up_and_bad_rules_are_refused() {
        CallerIdentifier id = new CallerIdentifier(List.of(new CallerRule("x", CallerRule.Kind.USER_AGENT, "x",
                Optional.empty())), address -> {
                    throw new AssertionError("no lookup expected");
                });
        assertThat(id.identify(request("192.0.2.1", null)).name()).isEqualTo("unknown (no user agent from 192.0.2.1)");
        assertThatThrownBy(() -> new CallerRule("x", CallerRule.Kind.ADDRESS, "10.0.0.0/40", Optional.empty()))
                .hasMessageContaining("is not an address or a CIDR block");
        assertThatThrownBy(() -> new CallerRule("x", CallerRule.Kind.USER_AGENT, "bodhi/(", Optional.empty()))
                .hasMessageContaining("is not a regular expression");
        assertThatThrownBy(() -> new CallerRule("x", CallerRule.Kind.HEADER, "k", Optional.empty()))
                .hasMessageContaining("names the header");
    }
}
