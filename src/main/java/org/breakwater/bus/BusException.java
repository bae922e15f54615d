package org.breakwater.bus;

/**
 * Publishing failed: the broker is unreachable, refused the login, refused or did not confirm the
 * message, or the connection broke. The message is one line a person can act on, naming the
 * broker without its password, e.g. {@code cannot reach the message bus at amqp://bus:5672/:
 * connection refused}. The message may or may not have reached the broker; publish it again, with
 * the same message id, later.
 */
public final class BusException extends Exception {
    public BusException(String message, Throwable cause) {
        super(message, cause);
    }
}
