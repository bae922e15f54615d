package org.breakwater.traffic.cli;

import java.io.InputStream;

/** Standard input, which the reader must not close. */
final class UnclosedStream extends java.io.FilterInputStream {
    UnclosedStream(InputStream in) {
        super(in);
    }

    @Override
    public void close() {
        // standard input stays open
    }
}
