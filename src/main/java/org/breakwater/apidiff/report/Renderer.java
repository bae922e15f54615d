package org.breakwater.apidiff.report;

import java.io.IOException;

/** Writes a report in one output format. */
public interface Renderer {
    void render(Report report, Appendable out) throws IOException;
}
