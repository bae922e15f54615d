package org.breakwater.apidiff.report;

import java.io.IOException;

/** Placeholder until the Junit renderer lands: refuses to render rather than pretend. */
public final class JunitRenderer implements Renderer {
    @Override
    public void render(Report report, Appendable out) throws IOException {
        throw new IOException("the Junit format is not available yet");
    }
}
