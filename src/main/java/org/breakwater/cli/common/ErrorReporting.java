package org.breakwater.cli.common;

import java.io.PrintWriter;
import org.breakwater.store.Database;
import org.breakwater.store.StoreException;

/**
 * Runs a command's body and turns a database that cannot be reached, is busy with another writer
 * or sits on a full disk into one clear line and exit 2.
 */
public final class ErrorReporting {
    /** A command body that may fail on the store. */
    public interface Body {
        int run();
    }

    private ErrorReporting() {
    }

    public static int guarded(String command, PrintWriter err, Body body) {
        try {
            return body.run();
        } catch (RuntimeException e) {
            StoreException store = Database.explain(e).orElseThrow(() -> e);
            err.println("breakwater " + command + ": " + store.getMessage());
            return ExitCode.INPUT_ERROR;
        }
    }
}
