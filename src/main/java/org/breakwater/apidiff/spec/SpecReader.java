package org.breakwater.apidiff.spec;

import java.nio.file.Path;

/**
 * Reads an API description (OpenAPI 3.0, 3.1 or Swagger 2.0; JSON or YAML; one file or
 * several joined by relative {@code $ref}s) into the normalised {@link ApiSpec}. Start here.
 */
public final class SpecReader {
    private final TreeReader trees;

    public SpecReader(ReadLimits limits) {
        this.trees = new TreeReader(limits);
    }

    /** Reads {@code file}, naming it as the user gave it in messages. */
    public ApiSpec read(Path file) throws SpecException {
        return read(new SpecFiles(file, file.toString(), trees));
    }

    /**
     * A description read from files, with the files it is made of: the main file and every
     * file its references reached, by path relative to the main file's folder.
     */
    public record Loaded(ApiSpec spec, String mainFile, java.util.SortedMap<String, Path> files) {
        public Loaded {
            files = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(files));
        }
    }

    /** Reads {@code file} and says which files it was made of (to store a description whole). */
    public Loaded load(Path file) throws SpecException {
        SpecFiles files = new SpecFiles(file, file.toString(), trees);
        ApiSpec spec = read(files);
        String main = files.main().path().getFileName().toString();
        return new Loaded(spec, main, files.files());
    }

    /** Reads a description given as text; it may only refer to itself. */
    public ApiSpec parse(String text, String name) throws SpecException {
        return read(new SpecFiles(trees.parse(text, name), name, trees));
    }

    private static ApiSpec read(SpecFiles files) throws SpecException {
        SpecFiles.Document doc = files.main();
        if (!(doc.root() instanceof ObjectNode root)) {
            throw new SpecException(Problem.at(doc.name(), doc.root(),
                    "not an OpenAPI or Swagger description: the top level is " + doc.root().kindName() + ", not an object"));
        }
        SpecVersion version = version(doc.name(), root);
        DescriptionReader reader = version == SpecVersion.SWAGGER_2_0
                ? new Swagger2Reader(files) : new OpenApi3Reader(files, version);
        return reader.read();
    }

    private static SpecVersion version(String file, ObjectNode root) throws SpecException {
        Node openapi = root.fields().get("openapi");
        Node swagger = root.fields().get("swagger");
        if (openapi instanceof ScalarNode s) {
            if (s.text().startsWith("3.0")) {
                return SpecVersion.OPENAPI_3_0;
            }
            if (s.text().startsWith("3.1")) {
                return SpecVersion.OPENAPI_3_1;
            }
            throw new SpecException(Problem.at(file, s, "unsupported OpenAPI version '"
                    + TreeReader.printable(s.text())
                    + "' (Breakwater reads Swagger 2.0, OpenAPI 3.0 and 3.1)"));
        }
        if (swagger instanceof ScalarNode s) {
            if (s.text().equals("2.0") || s.text().equals("2")) {
                return SpecVersion.SWAGGER_2_0;
            }
            throw new SpecException(Problem.at(file, s, "unsupported Swagger version '"
                    + TreeReader.printable(s.text())
                    + "' (Breakwater reads Swagger 2.0, OpenAPI 3.0 and 3.1)"));
        }
        Node at = openapi != null ? openapi : swagger != null ? swagger : root;
        throw new SpecException(Problem.at(file, at,
                "not an OpenAPI or Swagger description: no 'openapi: 3.x' or 'swagger: \"2.0\"' field"));
    }
}
