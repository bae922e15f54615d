package org.breakwater.apidiff.spec;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The files of one API description and the safe resolution of {@code $ref}s between them.
 * A reference may point inside the document or to a file under the main file's folder;
 * URLs, absolute paths and paths that leave the folder (also through symbolic links) are
 * refused, so a description can never make Breakwater read arbitrary files or call out.
 */
final class SpecFiles {
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
    private static final int MAX_HOPS = 64;

    /**
     * @param name    the file as named to the user
     * @param relName the file relative to the description's folder, empty for the main file:
     *                old and new versions of a description agree on it
     */
    record Document(Path path, String name, String relName, Node root) {
    }

    /** A resolved reference: the document, the pointer inside it and the node found there. */
    record Target(Document doc, String pointer, Node node) {
        /** Identifies the target the same way in the old and the new version of a description. */
        String key() {
            return doc.relName() + "#" + pointer;
        }

        Source source() {
            return Source.of(doc.name(), pointer, node);
        }
    }

    private final Path root;
    private final Path mainName;
    private final TreeReader reader;
    private final Map<Path, Document> documents = new HashMap<>();
    private final Document main;

    SpecFiles(Path mainFile, String displayName, TreeReader reader) throws SpecException {
        this.reader = reader;
        this.mainName = Path.of(displayName);
        Node mainRoot = reader.read(mainFile, displayName);
        Path real;
        try {
            real = mainFile.toRealPath();
        } catch (IOException e) {
            throw new SpecException(Problem.inFile(displayName, "cannot be read: " + e.getMessage()));
        }
        this.root = real.getParent();
        this.main = new Document(real, displayName, "", mainRoot);
        documents.put(real, main);
    }

    /** For text that never was a file (pasted into the web page): only in-document references work. */
    SpecFiles(Node mainRoot, String displayName, TreeReader reader) {
        this.reader = reader;
        this.mainName = Path.of(displayName);
        this.root = null;
        this.main = new Document(null, displayName, "", mainRoot);
    }

    /** Every file read so far, by its path relative to the description's folder, main file included. */
    java.util.SortedMap<String, Path> files() {
        java.util.SortedMap<String, Path> files = new java.util.TreeMap<>();
        for (Document d : new java.util.HashSet<>(documents.values())) {
            files.put(d == main ? d.path().getFileName().toString() : d.relName(), d.path());
        }
        return files;
    }

    Document main() {
        return main;
    }

    /** Resolves the {@code $ref} written in {@code holder} (found in {@code doc}) to the node it names. */
    Target resolve(Document doc, ObjectNode holder) throws SpecException {
        Node refNode = holder.fields().get("$ref");
        if (!(refNode instanceof ScalarNode s) || s.kind() != ScalarNode.Kind.STRING) {
            throw new SpecException(Problem.at(doc.name(), holder, "$ref must be a string"));
        }
        String ref = s.text();
        String shown = TreeReader.printable(ref);
        int hash = ref.indexOf('#');
        String filePart = hash < 0 ? ref : ref.substring(0, hash);
        String fragment = hash < 0 ? "" : ref.substring(hash + 1);
        if (!fragment.isEmpty() && !fragment.startsWith("/")) {
            throw new SpecException(Problem.at(doc.name(), refNode,
                    "$ref '" + shown + "': only JSON-pointer fragments (#/...) are supported"));
        }
        Document target = filePart.isEmpty() ? doc : load(doc, filePart, ref, refNode);
        Node node = Pointer.find(target.root(), fragment);
        if (node == null) {
            throw new SpecException(Problem.at(doc.name(), refNode, "$ref '" + shown + "' points to nothing"
                    + (filePart.isEmpty() ? "" : " in " + target.name())));
        }
        return new Target(target, fragment, node);
    }

    /**
     * Follows {@code $ref}s from {@code node} until an object without one; for parameters,
     * responses and the other non-schema objects, whose references are always inlined.
     */
    Target follow(Document doc, String pointer, Node node) throws SpecException {
        Target at = new Target(doc, pointer, node);
        Set<String> seen = new HashSet<>();
        while (at.node() instanceof ObjectNode o && o.has("$ref")) {
            if (!seen.add(at.key()) || seen.size() > MAX_HOPS) {
                throw new SpecException(Problem.at(at.doc().name(), o, "circular $ref"));
            }
            at = resolve(at.doc(), o);
        }
        return at;
    }

    private Document load(Document from, String filePart, String ref, Node refNode) throws SpecException {
        String shown = TreeReader.printable(ref);
        if (SCHEME.matcher(filePart).matches() || filePart.startsWith("//")) {
            throw new SpecException(Problem.at(from.name(), refNode, "$ref '" + shown
                    + "' refused: Breakwater does not fetch remote references, only files beside the description"));
        }
        if (root == null || from.path() == null) {
            throw new SpecException(Problem.at(from.name(), refNode, "$ref '" + shown
                    + "' refused: a description given as text can only refer inside itself"));
        }
        Path resolved;
        try {
            String decoded = URLDecoder.decode(filePart.replace("+", "%2B"), StandardCharsets.UTF_8);
            resolved = from.path().getParent().resolve(decoded).normalize();
        } catch (IllegalArgumentException e) {
            throw new SpecException(Problem.at(from.name(), refNode, "$ref '" + shown + "' is not a valid file path"));
        }
        if (!resolved.startsWith(root)) {
            throw new SpecException(Problem.at(from.name(), refNode, "$ref '" + shown
                    + "' refused: it leaves the folder of " + mainName));
        }
        Document known = documents.get(resolved);
        if (known != null) {
            return known;
        }
        String name = displayName(resolved);
        if (!Files.exists(resolved)) {
            throw new SpecException(Problem.at(from.name(), refNode,
                    "$ref '" + shown + "': no such file " + TreeReader.printable(name)));
        }
        Path real;
        try {
            real = resolved.toRealPath();
        } catch (IOException e) {
            throw new SpecException(Problem.at(from.name(), refNode, "$ref '" + shown + "' cannot be read: " + e.getMessage()));
        }
        if (!real.startsWith(root)) {
            throw new SpecException(Problem.at(from.name(), refNode, "$ref '" + shown
                    + "' refused: it links to a file outside the description's folder"));
        }
        known = documents.get(real);
        if (known == null) {
            known = new Document(real, name, root.relativize(real).toString().replace('\\', '/'), reader.read(real, name));
            documents.put(real, known);
        }
        documents.put(resolved, known);
        return known;
    }

    private String displayName(Path file) {
        Path parent = mainName.getParent();
        Path relative = root.relativize(file);
        return (parent == null ? relative : parent.resolve(relative)).toString();
    }
}
