package org.breakwater.apidiff.report;

import java.util.Locale;
import java.util.function.Supplier;

/** The output formats of a diff report. */
public enum Format {
    TEXT(TextRenderer::new),
    JSON(JsonRenderer::new),
    MARKDOWN(MarkdownRenderer::new),
    HTML(HtmlRenderer::new),
    JUNIT(JunitRenderer::new),
    GITHUB(GithubRenderer::new);

    private final Supplier<Renderer> factory;

    Format(Supplier<Renderer> factory) {
        this.factory = factory;
    }

    public Renderer renderer() {
        return factory.get();
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
