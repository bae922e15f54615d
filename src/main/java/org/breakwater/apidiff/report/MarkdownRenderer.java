package org.breakwater.apidiff.report;

import java.io.IOException;

/** Placeholder until the Markdown renderer lands: refuses to render rather than pretend. */
public final class MarkdownRenderer implements Renderer {
    @Override
    public void render(Report report, Appendable out) throws IOException {
        throw new IOException("the Markdown format is not available yet");
    }
}
