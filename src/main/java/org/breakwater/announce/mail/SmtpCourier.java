package org.breakwater.announce.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.breakwater.announce.Courier;
import org.breakwater.announce.DeliveryException;
import org.breakwater.announce.OutboxEntry;

/** Delivers mail through an SMTP server (Jakarta Mail, Eclipse Angus): TLS and authentication as configured. */
public final class SmtpCourier implements Courier {
    private final MailSettings settings;
    private final Session session;

    public SmtpCourier(MailSettings settings) {
        this.settings = settings;
        Properties p = new Properties();
        String protocol = settings.security().equals("tls") ? "smtps" : "smtp";
        p.put("mail.transport.protocol", protocol);
        String prefix = "mail." + protocol + ".";
        p.put(prefix + "host", settings.host());
        p.put(prefix + "port", Integer.toString(settings.port()));
        p.put(prefix + "auth", Boolean.toString(settings.username().isPresent()));
        p.put(prefix + "connectiontimeout", Long.toString(settings.timeout().toMillis()));
        p.put(prefix + "timeout", Long.toString(settings.timeout().toMillis()));
        p.put(prefix + "writetimeout", Long.toString(settings.timeout().toMillis()));
        if (settings.security().equals("starttls")) {
            p.put(prefix + "starttls.enable", "true");
            p.put(prefix + "starttls.required", "true");
        }
        if (!settings.security().equals("none")) {
            p.put(prefix + "ssl.checkserveridentity", "true");
        }
        this.session = Session.getInstance(p);
    }

    @Override
    public void deliver(OutboxEntry entry) throws DeliveryException {
        MimeMessage m = Mails.compose(session, entry, settings.from());
        try {
            if (settings.username().isPresent()) {
                Transport.send(m, m.getAllRecipients(), settings.username().get(), settings.password().orElseThrow());
            } else {
                Transport.send(m, m.getAllRecipients());
            }
        } catch (AuthenticationFailedException e) {
            throw new DeliveryException(describe() + " refused the login of " + settings.username().orElse("?"));
        } catch (MessagingException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new DeliveryException("cannot send through " + describe() + ": " + oneLine(e.getMessage())
                    + (root != e ? " (" + oneLine(String.valueOf(root.getMessage())) + ")" : ""), e);
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    @Override
    public String describe() {
        return settings.describe();
    }
}
