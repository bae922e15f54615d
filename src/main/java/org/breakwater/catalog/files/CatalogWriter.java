package org.breakwater.catalog.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.catalog.ApiDescription;
import org.breakwater.catalog.Catalog;
import org.breakwater.catalog.Consumer;
import org.breakwater.catalog.Environment;
import org.breakwater.catalog.Names;
import org.breakwater.catalog.OperationRef;
import org.breakwater.catalog.Person;
import org.breakwater.catalog.Service;
import org.breakwater.catalog.Team;
import org.breakwater.catalog.Use;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Writes a catalog in Breakwater's format, so that reading it back gives the same catalog:
 * {@code environments.yaml}, {@code teams.yaml} (teams and people), {@code services.yaml},
 * {@code consumers.yaml}, and each declared API description under {@code apis/SERVICE/}.
 */
public final class CatalogWriter {
    private final Dump dump = new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK)
            .setIndent(2).setIndicatorIndent(2).setIndentWithIndicator(true).setWidth(120)
            // quote by the YAML 1.2 core schema, the one the reader uses: "Null", "True", "0x1F" stay text
            .setSchema(new org.snakeyaml.engine.v2.schema.CoreSchema()).build());

    /** The whole catalog as one YAML document (API descriptions left out). */
    public String document(Catalog c) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("environments", environments(c));
        all.put("teams", teams(c));
        all.put("people", people(c));
        all.put("services", services(c, Map.of()));
        all.put("consumers", consumers(c));
        return dump.dumpToString(all);
    }

    /** Writes the files into {@code dir} (created if needed); returns the files written. */
    public List<Path> write(Catalog c, Map<String, ApiDescription> apis, Path dir) throws IOException {
        Path apisDir = dir.toAbsolutePath().normalize().resolve("apis");
        for (String service : apis.keySet()) {
            // refused before anything is written: a name such as ../x or /tmp/x would leave the folder
            if (!Names.valid(service) || !apisDir.resolve(service).normalize().getParent().equals(apisDir)) {
                throw new IOException(Names.problem(service, "service").orElse("service name '" + service
                        + "' leaves the folder") + "; its API description would be written outside " + dir
                        + "/apis, so nothing was written (rename it in the catalog files and import them again)");
            }
        }
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        written.add(write(dir.resolve("environments.yaml"), Map.of("environments", environments(c))));
        Map<String, Object> teams = new LinkedHashMap<>();
        teams.put("teams", teams(c));
        teams.put("people", people(c));
        written.add(write(dir.resolve("teams.yaml"), teams));
        Map<String, String> apiPaths = new LinkedHashMap<>();
        for (Map.Entry<String, ApiDescription> e : apis.entrySet()) {
            Path folder = dir.resolve("apis").resolve(e.getKey());
            for (Map.Entry<String, String> f : e.getValue().files().entrySet()) {
                Path target = folder.resolve(f.getKey()).normalize();
                if (!target.startsWith(folder)) {
                    throw new IOException("stored API file name leaves its folder: " + f.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
                written.add(target);
            }
            apiPaths.put(e.getKey(), "apis/" + e.getKey() + "/" + e.getValue().mainFile());
        }
        written.add(write(dir.resolve("services.yaml"), Map.of("services", services(c, apiPaths))));
        written.add(write(dir.resolve("consumers.yaml"), Map.of("consumers", consumers(c))));
        return written;
    }

    private Path write(Path file, Map<String, Object> content) throws IOException {
        Files.writeString(file, "# Written by `breakwater catalog export`; the format: docs/catalog.md\n"
                + dump.dumpToString(content), StandardCharsets.UTF_8);
        return file;
    }

    private static List<Object> environments(Catalog c) {
        List<Object> out = new ArrayList<>();
        for (Environment e : c.environments()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.name());
            if (!e.description().isEmpty()) {
                m.put("description", e.description());
            }
            m.put("production", e.production());
            if (!e.hosts().isEmpty()) {
                m.put("hosts", new ArrayList<>(e.hosts()));
            }
            if (!e.baseUrl().isEmpty()) {
                m.put("base_url", e.baseUrl());
            }
            if (!e.baselines().isEmpty()) {
                m.put("baselines", new ArrayList<>(e.baselines()));
            }
            out.add(m);
        }
        return out;
    }

    private static List<Object> teams(Catalog c) {
        List<Object> out = new ArrayList<>();
        for (Team t : c.teams()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", t.name());
            m.put("title", t.title());
            m.put("infrastructure", t.infrastructure());
            put(m, "mailingList", t.mailingList());
            put(m, "chat", t.chat());
            m.put("members", t.members());
            out.add(m);
        }
        return out;
    }

    private static List<Object> people(Catalog c) {
        List<Object> out = new ArrayList<>();
        for (Person p : c.people()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("username", p.username());
            m.put("name", p.name());
            if (!p.email().isEmpty()) {
                m.put("email", p.email());
            }
            m.put("timezone", p.timezone().getId());
            out.add(m);
        }
        return out;
    }

    private static List<Object> services(Catalog c, Map<String, String> apiPaths) {
        List<Object> out = new ArrayList<>();
        for (Service s : c.services()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("title", s.title());
            m.put("owner", s.owner());
            m.put("tier", s.tier().id());
            m.put("freezeSensitive", s.freezeSensitive());
            if (!s.announce().isEmpty()) {
                m.put("announce", s.announce());
            }
            put(m, "repository", s.repository());
            put(m, "docs", s.docs());
            put(m, "system", s.system());
            put(m, "api", Optional.ofNullable(apiPaths.get(s.name())));
            out.add(m);
        }
        return out;
    }

    private static List<Object> consumers(Catalog c) {
        List<Object> out = new ArrayList<>();
        for (Consumer k : c.consumers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", k.name());
            m.put("kind", k.kind().id());
            put(m, "service", k.service());
            m.put("owner", k.owner());
            put(m, "contact", k.contact());
            put(m, "description", k.description());
            List<Object> uses = new ArrayList<>();
            for (Use u : k.uses()) {
                Map<String, Object> um = new LinkedHashMap<>();
                um.put("service", u.service());
                if (!u.wholeApi()) {
                    um.put("operations", u.operations().stream().map(OperationRef::text).toList());
                }
                uses.add(um);
            }
            m.put("uses", uses);
            if (!k.identify().isEmpty()) {
                List<Object> rules = new ArrayList<>();
                for (org.breakwater.catalog.Identify r : k.identify()) {
                    Map<String, Object> rm = new LinkedHashMap<>();
                    if (r.kind() == org.breakwater.catalog.Identify.Kind.HEADER) {
                        rm.put("header", r.header().orElseThrow());
                        rm.put("value", r.value());
                    } else {
                        rm.put(r.kind().key(), r.value());
                    }
                    rules.add(rm);
                }
                m.put("identify", rules);
            }
            out.add(m);
        }
        return out;
    }

    private static void put(Map<String, Object> m, String key, Optional<String> value) {
        value.ifPresent(v -> m.put(key, v));
    }
}
