package org.breakwater.announce.cli;

import java.time.Duration;
import java.util.Optional;
import org.breakwater.announce.mail.MailSettings;
import picocli.CommandLine.Option;

/** Where mail goes: {@code --smtp-host} and friends; the password only from $BREAKWATER_SMTP_PASSWORD. */
public final class MailOptions {
    @Option(names = "--smtp-host", paramLabel = "HOST", description = "the SMTP server (default: $BREAKWATER_SMTP_HOST)")
    String host;

    @Option(names = "--smtp-port", paramLabel = "PORT", description = "default: 587 for starttls, 465 for tls, 25 for none")
    Integer port;

    @Option(names = "--smtp-security", paramLabel = "MODE", defaultValue = "starttls",
            description = "starttls (default), tls, or none (a relay on this machine only)")
    String security;

    @Option(names = "--smtp-user", paramLabel = "USER",
            description = "log in as USER; the password comes from $BREAKWATER_SMTP_PASSWORD")
    String user;

    /** The password when $BREAKWATER_SMTP_PASSWORD is not set: serve's configuration file may point to one. */
    private Optional<String> passwordElsewhere = Optional.empty();

    /** Where the password comes from when $BREAKWATER_SMTP_PASSWORD is not set. */
    public void passwordElsewhere(Optional<String> password) {
        this.passwordElsewhere = password;
    }

    /** The SMTP settings, if a host is given (here or in the environment). */
    public Optional<MailSettings> settings(String from) {
        Optional<String> h = Optional.ofNullable(host).or(() -> Optional.ofNullable(System.getenv("BREAKWATER_SMTP_HOST"))
                .filter(s -> !s.isBlank()));
        if (h.isEmpty()) {
            return Optional.empty();
        }
        int p = port != null ? port : switch (security) {
            case "tls" -> 465;
            case "none" -> 25;
            default -> 587;
        };
        Optional<String> password = Optional.ofNullable(System.getenv("BREAKWATER_SMTP_PASSWORD")).filter(s -> !s.isEmpty())
                .or(() -> passwordElsewhere);
        if (user != null && password.isEmpty()) {
            throw new IllegalArgumentException("--smtp-user needs the password in $BREAKWATER_SMTP_PASSWORD");
        }
        return Optional.of(new MailSettings(h.get(), p, security, Optional.ofNullable(user),
                user == null ? Optional.empty() : password, from, Duration.ofSeconds(30)));
    }
}
