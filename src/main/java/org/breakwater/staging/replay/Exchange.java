package org.breakwater.staging.replay;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * One request sent and its answer's head received, whichever client sent it ({@link HttpFetcher}:
 * {@code HttpURLConnection}, or {@link HttpClientExchange} for the methods it lacks): what
 * {@link HttpFetcher} reads an answer or a redirect from.
 */
interface Exchange {
    int status();

    /** The Content-Type header, or empty. */
    String contentType();

    /** The declared Content-Length, or -1. */
    long length();

    Optional<String> location();

    /** The answer's body; null when it has none. */
    InputStream body() throws IOException;

    /** Gives up the rest of the body: its connection is closed, never reused. */
    void abandon();
}
