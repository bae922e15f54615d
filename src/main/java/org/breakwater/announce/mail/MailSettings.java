package org.breakwater.announce.mail;

import java.time.Duration;
import java.util.Optional;

/**
 * Where and how mail goes out.
 *
 * @param security  {@code starttls} (upgrade a plain connection, required), {@code tls} (TLS from
 *                  the first byte, usually port 465) or {@code none} (a local relay only)
 * @param password  with {@code username}, SMTP authentication; never shown
 */
public record MailSettings(String host, int port, String security, Optional<String> username, Optional<String> password,
                           String from, Duration timeout) {
    public MailSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("the SMTP host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the SMTP port must be between 1 and 65535, not " + port);
        }
        if (!security.equals("starttls") && !security.equals("tls") && !security.equals("none")) {
            throw new IllegalArgumentException("SMTP security is starttls, tls or none, not '" + security + "'");
        }
        if (username.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("SMTP authentication needs both a user and a password");
        }
    }

    public String describe() {
        return "smtp://" + username.map(u -> u + "@").orElse("") + host + ":" + port + " (" + security + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
