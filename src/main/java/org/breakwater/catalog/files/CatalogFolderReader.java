package org.breakwater.catalog.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.breakwater.apidiff.spec.Node;
import org.breakwater.apidiff.spec.ObjectNode;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.SpecException;
import org.breakwater.apidiff.spec.TreeReader;
import org.breakwater.catalog.CatalogDraft;
import org.breakwater.catalog.CatalogProblem;
import org.breakwater.catalog.Located;

/**
 * Reads a catalog folder (or one file): every {@code .yaml}/{@code .yml}/{@code .json} file
 * in the tree, except hidden ones and those under an {@code apis/} folder, which hold the API
 * descriptions services point at. A file is in Breakwater's format, or a Backstage
 * {@code catalog-info.yaml} (recognised by {@code apiVersion: backstage.io/…}). Problems are
 * collected, not thrown: one run names them all.
 */
public final class CatalogFolderReader {
    private final ReadLimits limits;

    public CatalogFolderReader(ReadLimits limits) {
        this.limits = limits;
    }

    /** Reads {@code source}, a folder or a single file; {@code source} is named as given in messages. */
    public CatalogDraft read(Path source) {
        CatalogDraft draft = new CatalogDraft();
        if (!Files.exists(source)) {
            draft.problem(CatalogProblem.error(source.toString(), 0, 0, "no such file or folder"));
            return draft;
        }
        Path root = Files.isDirectory(source) ? source : source.toAbsolutePath().getParent();
        List<Path> files;
        try {
            files = files(source);
        } catch (IOException e) {
            draft.problem(CatalogProblem.unreadable(source.toString(), 0, 0, "cannot be read: " + e.getMessage()));
            return draft;
        }
        if (files.isEmpty()) {
            draft.problem(CatalogProblem.error(source.toString(), 0, 0,
                    "no catalog files (*.yaml, *.yml, *.json) in this folder"));
        }
        TreeReader trees = new TreeReader(limits);
        List<BackstageReader.SourceFile> backstage = new ArrayList<>();
        for (Path file : files) {
            String name = file.toString();
            List<Node> documents;
            try {
                documents = trees.readDocuments(file, name);
            } catch (SpecException e) {
                draft.problem(CatalogProblem.unreadable(name, e.problem().line(), e.problem().column(), e.problem().message()));
                continue;
            }
            if (documents.stream().anyMatch(BackstageReader::isBackstage)) {
                backstage.add(new BackstageReader.SourceFile(name, documents));
                continue;
            }
            if (documents.size() > 1) {
                Node second = documents.get(1);
                draft.problem(CatalogProblem.unreadable(name, second.line(), second.column(),
                        "more than one YAML document: a Breakwater catalog file is one mapping"));
                continue;
            }
            if (!(documents.get(0) instanceof ObjectNode top)) {
                Node n = documents.get(0);
                draft.problem(CatalogProblem.unreadable(name, n.line(), n.column(), "a catalog file must be a mapping with"
                        + " sections environments, teams, people, services or consumers, not " + n.kindName()));
                continue;
            }
            new YamlCatalogReader(name, file, root.toAbsolutePath(), draft).read(top);
        }
        if (!backstage.isEmpty()) {
            BackstageReader.read(backstage, draft);
        }
        loadApis(draft);
        return draft;
    }

    private static List<Path> files(Path source) throws IOException {
        if (!Files.isDirectory(source)) {
            return List.of(source);
        }
        try (Stream<Path> walk = Files.walk(source)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !hiddenOrApi(source.relativize(p)))
                    .filter(p -> {
                        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
                    })
                    .sorted()
                    .toList();
        }
    }

    private static boolean hiddenOrApi(Path relative) {
        for (int i = 0; i < relative.getNameCount(); i++) {
            String part = relative.getName(i).toString();
            if (part.startsWith(".") || i < relative.getNameCount() - 1 && part.equals("apis")) {
                return true;
            }
        }
        return false;
    }

    /** Reads each API description a service names, keeping its files for the store. */
    private void loadApis(CatalogDraft draft) {
        for (Map.Entry<String, Located<Path>> e : draft.apis().entrySet()) {
            Located<Path> at = e.getValue();
            try {
                ApiFiles.Read read = ApiFiles.read(at.value(), limits);
                draft.loadedApi(e.getKey(), read.spec(), read.description());
            } catch (SpecException ex) {
                draft.problem(at.error("the API description of " + e.getKey() + " cannot be read: "
                        + ex.problem()));
            } catch (IOException ex) {
                draft.problem(at.error("the API description of " + e.getKey() + " cannot be read: " + ex.getMessage()));
            }
        }
    }
}
