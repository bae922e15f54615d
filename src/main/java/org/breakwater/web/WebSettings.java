package org.breakwater.web;

import java.util.Optional;
import org.breakwater.announce.Courier;
import org.breakwater.announce.Templates;
import org.breakwater.auth.oidc.OidcSettings;

/**
 * How the server treats its visitors.
 *
 * @param loginRequiredToRead pages and API reads need a login (or a token); otherwise reading is open
 * @param secureCookies       mark cookies Secure: set this when the server is reached over HTTPS
 * @param loginHint           a line shown on the login page (the demo names its accounts there)
 * @param oidc                log in through this OpenID provider as well as with local accounts
 * @param mail                how announcements are written and delivered
 * @param network             the public URL and the trusted reverse proxies
 */
public record WebSettings(boolean loginRequiredToRead, boolean secureCookies, Optional<String> loginHint,
                          Optional<OidcSettings> oidc, Mail mail, Network network) {
    public WebSettings(boolean loginRequiredToRead, boolean secureCookies, Optional<String> loginHint,
                       Optional<OidcSettings> oidc, Mail mail) {
        this(loginRequiredToRead, secureCookies, loginHint, oidc, mail, Network.direct());
    }

    /** These settings behind {@code network}'s public URL and proxies. */
    public WebSettings with(Network network) {
        return new WebSettings(loginRequiredToRead, secureCookies, loginHint, oidc, mail, network);
    }

    /**
     * Announcements: the templates, the sender's address, and the couriers the server delivers
     * the outbox through every few seconds — mail, and bus events (none: they wait for
     * {@code announce deliver}).
     */
    public record Mail(Templates templates, String from, Optional<Courier> courier, Optional<Courier> bus,
                       java.time.Duration every) {
        /** How often the server delivers the outbox unless told otherwise. */
        public static final java.time.Duration EVERY = java.time.Duration.ofSeconds(10);

        public Mail {
            if (every.isNegative() || every.isZero()) {
                throw new IllegalArgumentException("the outbox is delivered every so many seconds, not " + every);
            }
        }

        public Mail(Templates templates, String from, Optional<Courier> courier, Optional<Courier> bus) {
            this(templates, from, courier, bus, EVERY);
        }

        public Mail(Templates templates, String from, Optional<Courier> courier) {
            this(templates, from, courier, Optional.empty());
        }

        public static Mail defaults() {
            return new Mail(Templates.defaults(), "breakwater@localhost", Optional.empty());
        }

        /** The couriers by channel. */
        public java.util.Map<org.breakwater.announce.OutboxEntry.Channel, Courier> couriers() {
            java.util.Map<org.breakwater.announce.OutboxEntry.Channel, Courier> m =
                    new java.util.EnumMap<>(org.breakwater.announce.OutboxEntry.Channel.class);
            courier.ifPresent(c -> m.put(org.breakwater.announce.OutboxEntry.Channel.MAIL, c));
            bus.ifPresent(c -> m.put(org.breakwater.announce.OutboxEntry.Channel.BUS, c));
            return m;
        }
    }

    public WebSettings(boolean loginRequiredToRead, boolean secureCookies, Optional<String> loginHint) {
        this(loginRequiredToRead, secureCookies, loginHint, Optional.empty(), Mail.defaults());
    }

    public WebSettings(boolean loginRequiredToRead, boolean secureCookies, Optional<String> loginHint,
                       Optional<OidcSettings> oidc) {
        this(loginRequiredToRead, secureCookies, loginHint, oidc, Mail.defaults());
    }

    /** Reading open, cookies for plain HTTP on loopback, no hint, local accounts only, no mail delivery. */
    public static WebSettings defaults() {
        return new WebSettings(false, false, Optional.empty());
    }
}
