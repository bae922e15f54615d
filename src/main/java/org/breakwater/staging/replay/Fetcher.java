package org.breakwater.staging.replay;

import java.net.URI;

/** Sends one call to one environment and returns its answer (never throws for a failed call: {@link Answer#failed}). */
public interface Fetcher {
    Answer fetch(URI base, String method, String target);
}
