package org.breakwater.announce;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The templates of every kind of announcement: Breakwater's own, or a team's from a folder of
 * {@code KIND.txt} files that replace them one by one. A template file starts with a
 * {@code Subject:} line, then a blank line, then the body; both are {@link Template}s.
 */
public final class Templates {
    /** One kind's subject and body. */
    public record Pair(Template subject, Template body) {
    }

    private final Map<Kind, Pair> byKind;

    private Templates(Map<Kind, Pair> byKind) {
        this.byKind = byKind;
    }

    public Pair of(Kind kind) {
        return byKind.get(kind);
    }

    /** Breakwater's templates, with those in {@code overrides} (when given) in their place. */
    public static Templates load(Optional<Path> overrides) throws TemplateException {
        Map<Kind, Pair> byKind = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            String name = k.id() + ".txt";
            Optional<Path> own = overrides.map(d -> d.resolve(name)).filter(Files::isRegularFile);
            String text;
            String file;
            try {
                if (own.isPresent()) {
                    text = Files.readString(own.get(), StandardCharsets.UTF_8);
                    file = own.get().toString();
                } else {
                    text = builtIn(name);
                    file = "announce/templates/" + name;
                }
            } catch (IOException e) {
                throw new TemplateException(own.map(Path::toString).orElse(name), 1, 1, "cannot be read: " + e.getMessage());
            }
            byKind.put(k, split(text, file));
        }
        return new Templates(byKind);
    }

    public static Templates defaults() {
        try {
            return load(Optional.empty());
        } catch (TemplateException e) {
            throw new IllegalStateException("a built-in announcement template is broken: " + e.getMessage(), e);
        }
    }

    private static String builtIn(String name) throws IOException {
        try (InputStream in = Templates.class.getClassLoader().getResourceAsStream("announce/templates/" + name)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("announce/templates/" + name + " is missing from the build"));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** "Subject: …", a blank line, the body. */
    static Pair split(String text, String file) throws TemplateException {
        String normal = text.replace("\r\n", "\n");
        if (!normal.startsWith("Subject:")) {
            throw new TemplateException(file, 1, 1, "a template starts with a 'Subject:' line");
        }
        int eol = normal.indexOf('\n');
        if (eol < 0 || !normal.startsWith("\n", eol + 1)) {
            throw new TemplateException(file, 2, 1, "a blank line must follow the Subject: line");
        }
        Template subject = Template.parse(normal.substring("Subject:".length(), eol).strip(), file);
        Template body = Template.parse(normal.substring(eol + 2), file, 3);
        return new Pair(subject, body);
    }
}
