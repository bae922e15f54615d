package org.breakwater.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.breakwater.apidiff.spec.ArrayNode;
import org.breakwater.apidiff.spec.Node;
import org.breakwater.apidiff.spec.ObjectNode;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.SpecException;
import org.breakwater.apidiff.spec.TreeReader;

/**
 * The demo data shipped in the jar: a catalog modelled on Fedora's infrastructure in 2014,
 * the package database's and account system's API descriptions, and a deployment history
 * whose times are relative to now, so the demo always looks current.
 */
final class DemoData {
    static final String INDEX = "demo/index.txt";

    /** One entry of {@code deployments.yaml}. */
    record DemoDeployment(String service, String version, String environment, Instant at, String by,
                          Optional<String> notes, Optional<Path> spec) {
    }

    private DemoData() {
    }

    /** The resource names of the demo files, from the index. */
    static List<String> files() throws IOException {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new IOException("the demo index " + INDEX + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }

    /** Copies every demo file into {@code root}; returns {@code root}. */
    static Path unpack(Path root) throws IOException {
        for (String name : files()) {
            Path target = root.resolve(name.substring("demo/".length()));
            Files.createDirectories(target.getParent());
            try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IOException("demo resource missing from the build: " + name);
                }
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return root;
    }

    /** The deployment history in {@code root}/deployments.yaml, oldest first, placed relative to {@code now}. */
    static List<DemoDeployment> deployments(Path root, Instant now) throws SpecException, IOException {
        Path file = root.resolve("deployments.yaml");
        Node top = new TreeReader(ReadLimits.defaults()).read(file, file.toString());
        List<DemoDeployment> out = new ArrayList<>();
        if (!(top instanceof ObjectNode o) || !(o.fields().get("deployments") instanceof ArrayNode list)) {
            throw new IOException(file + ": expected a 'deployments' list");
        }
        for (Node item : list.items()) {
            ObjectNode d = (ObjectNode) item;
            long days = Long.parseLong(d.text("daysAgo").orElse("0"));
            LocalTime time;
            try {
                time = LocalTime.parse(d.text("time").orElse("09:00"));
            } catch (DateTimeParseException e) {
                throw new IOException(file + ":" + d.line() + ": bad time: " + e.getMessage(), e);
            }
            Instant at = now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(days).atTime(time).toInstant(ZoneOffset.UTC);
            if (at.isAfter(now)) {
                at = now.minusSeconds(60);
            }
            out.add(new DemoDeployment(d.text("service").orElseThrow(), d.text("version").orElseThrow(),
                    d.text("environment").orElseThrow(), at, d.text("by").orElse("demo"), d.text("notes"),
                    d.text("spec").map(root::resolve)));
        }
        return out;
    }
}
