package org.breakwater.logs;

import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;

/**
 * Logback's complaints about its own configuration (a file that does not parse, a class that is
 * not there), on standard error and only those: standard output stays for what commands print,
 * and a working configuration says nothing.
 */
public final class StatusOnStderr implements StatusListener {
    @Override
    public void addStatusEvent(Status status) {
        if (status.getEffectiveLevel() >= Status.WARN) {
            System.err.println("logback: " + status.getMessage()
                    + (status.getThrowable() == null ? "" : ": " + status.getThrowable()));
        }
    }

    @Override
    public boolean isResetResistant() {
        return true;
    }
}
