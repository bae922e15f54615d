package org.breakwater.apidiff.report;

import java.io.IOException;

/** Placeholder until the Html renderer lands: refuses to render rather than pretend. */
public final class HtmlRenderer implements Renderer {
    @Override
    public void render(Report report, Appendable out) throws IOException {
        throw new IOException("the Html format is not available yet");
    }
}
