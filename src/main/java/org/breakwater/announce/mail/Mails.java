package org.breakwater.announce.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.List;
import org.breakwater.announce.DeliveryException;
import org.breakwater.announce.OutboxEntry;

/**
 * An outbox entry as a mail: plain text in UTF-8, the entry's Message-ID kept as it is (Jakarta
 * Mail would make a new one at every save), dated when the announcement was queued, so the
 * same entry always makes the same message.
 */
final class Mails {
    private Mails() {
    }

    /** A message whose Message-ID stays the one it was given. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }

    static MimeMessage compose(Session session, OutboxEntry e, String from) throws DeliveryException {
        try {
            MimeMessage m = new FixedIdMessage(session, e.messageId());
            m.setFrom(new InternetAddress(from, true));
            m.setRecipients(Message.RecipientType.TO, addresses(e.recipients()));
            m.setSubject(e.subject(), "UTF-8");
            body(m, e);
            m.setSentDate(Date.from(e.createdAt()));
            m.setHeader("X-Mailer", "Breakwater");
            e.announcementId().ifPresent(id -> {
                try {
                    m.setHeader("X-Breakwater-Announcement", Long.toString(id));
                } catch (MessagingException ex) {
                    throw new IllegalStateException(ex);
                }
            });
            m.saveChanges();
            return m;
        } catch (AddressException ex) {
            throw new DeliveryException("not an address: " + ex.getRef());
        } catch (MessagingException ex) {
            throw new DeliveryException("the mail cannot be written: " + ex.getMessage(), ex);
        }
    }

    /** Plain text; with an attachment, a multipart/mixed of the text and the iCalendar file (RFC 6047's text/calendar). */
    private static void body(MimeMessage m, OutboxEntry e) throws MessagingException {
        if (e.attachment().isEmpty()) {
            m.setText(e.payload(), "UTF-8");
            return;
        }
        jakarta.mail.internet.MimeBodyPart text = new jakarta.mail.internet.MimeBodyPart();
        text.setText(e.payload(), "UTF-8");
        jakarta.mail.internet.MimeBodyPart ics = new jakarta.mail.internet.MimeBodyPart();
        ics.setContent(e.attachment().get(), "text/calendar; charset=UTF-8; method=PUBLISH");
        ics.setFileName("invite.ics");
        m.setContent(new jakarta.mail.internet.MimeMultipart("mixed", text, ics));
    }

    static InternetAddress[] addresses(List<String> recipients) throws AddressException {
        InternetAddress[] to = new InternetAddress[recipients.size()];
        for (int i = 0; i < to.length; i++) {
            to[i] = new InternetAddress(recipients.get(i), true);
        }
        return to;
    }
}
