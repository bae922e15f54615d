package org.breakwater.announce;

/** A delivery that did not happen: why, in one line. The outbox tries again later. */
public final class DeliveryException extends Exception {
    public DeliveryException(String message) {
        super(message);
    }

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
