package org.breakwater.announce;

/** Delivers outbox entries of one channel: SMTP, a folder (dry run), a message bus. */
public interface Courier {
    /** Hands the entry over; returning means the other side has it. */
    void deliver(OutboxEntry entry) throws DeliveryException;

    /** Where it delivers, for messages: "smtp://mail.example.org:587". */
    String describe();
}
