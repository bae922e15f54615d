package org.breakwater.apidiff.report;

import java.io.IOException;

/** Placeholder until the Github renderer lands: refuses to render rather than pretend. */
public final class GithubRenderer implements Renderer {
    @Override
    public void render(Report report, Appendable out) throws IOException {
        throw new IOException("the Github format is not available yet");
    }
}
