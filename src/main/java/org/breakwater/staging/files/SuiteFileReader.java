package org.breakwater.staging.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.breakwater.apidiff.spec.ArrayNode;
import org.breakwater.apidiff.spec.Node;
import org.breakwater.apidiff.spec.ObjectNode;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.ScalarNode;
import org.breakwater.apidiff.spec.SpecException;
import org.breakwater.apidiff.spec.TreeReader;
import org.breakwater.catalog.CatalogProblem;
import org.breakwater.staging.Durations;
import org.breakwater.staging.StagingSuite;

/**
 * The {@code suites:} sections of a catalog folder's files (the files {@code catalog import}
 * reads: {@code .yaml}, {@code .yml}, {@code .json}, not hidden, not under {@code apis/}). Each
 * problem names its file, line and column. A suite's {@code workdir} is relative to its file's
 * folder; its origin is its file.
 */
public final class SuiteFileReader {
    static final Set<String> FIELDS = Set.of("name", "services", "command", "workdir", "env", "results", "timeout",
            "display", "environment", "schedule", "timeZone", "identify");

    /** The suites read and the problems found (any error: import nothing). */
    public record Read(List<StagingSuite> suites, List<CatalogProblem> problems) {
        public boolean valid() {
            return problems.stream().noneMatch(CatalogProblem::isError);
        }
    }

    public Read read(Path source) {
        List<StagingSuite> suites = new ArrayList<>();
        List<CatalogProblem> problems = new ArrayList<>();
        if (!Files.exists(source)) {
            problems.add(CatalogProblem.error(source.toString(), 0, 0, "no such file or folder"));
            return new Read(suites, problems);
        }
        List<Path> files;
        try {
            files = files(source);
        } catch (IOException e) {
            problems.add(CatalogProblem.error(source.toString(), 0, 0, "cannot be read: " + e.getMessage()));
            return new Read(suites, problems);
        }
        TreeReader trees = new TreeReader(ReadLimits.defaults());
        Set<String> names = new TreeSet<>();
        for (Path file : files) {
            List<Node> docs;
            try {
                docs = trees.readDocuments(file, file.toString());
            } catch (SpecException e) {
                problems.add(CatalogProblem.error(file.toString(), e.problem().line(), e.problem().column(),
                        e.problem().message()));
                continue;
            }
            for (Node doc : docs) {
                if (doc instanceof ObjectNode top && top.get("suites").isPresent()) {
                    new Entries(file, problems).section(top.get("suites").get()).forEach(s -> {
                        if (!names.add(s.name())) {
                            problems.add(CatalogProblem.error(file.toString(), 0, 0, "suite " + s.name()
                                    + " is declared twice"));
                        } else {
                            suites.add(s);
                        }
                    });
                }
            }
        }
        return new Read(suites, problems);
    }

    private static List<Path> files(Path source) throws IOException {
        if (!Files.isDirectory(source)) {
            return List.of(source);
        }
        try (Stream<Path> walk = Files.walk(source)) {
            return walk.filter(Files::isRegularFile).filter(p -> !hiddenOrApi(source.relativize(p))).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
            }).sorted().toList();
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

    /** One file's suites, each problem at its place. */
    private static final class Entries {
        private final Path file;
        private final List<CatalogProblem> problems;

        Entries(Path file, List<CatalogProblem> problems) {
            this.file = file;
            this.problems = problems;
        }

        private void error(Node at, String message) {
            problems.add(CatalogProblem.error(file.toString(), at.line(), at.column(), message));
        }

        List<StagingSuite> section(Node section) {
            List<StagingSuite> out = new ArrayList<>();
            if (!(section instanceof ArrayNode list)) {
                error(section, "'suites' is a list of suites");
                return out;
            }
            for (Node item : list.items()) {
                if (item instanceof ObjectNode o) {
                    suite(o).ifPresent(out::add);
                } else {
                    error(item, "a suite is a mapping with name, services, command, results...");
                }
            }
            return out;
        }

        private Optional<String> text(ObjectNode n, String key, boolean required) {
            Optional<Node> v = n.get(key);
            if (v.isEmpty()) {
                if (required) {
                    error(n, "a suite needs '" + key + "'");
                }
                return Optional.empty();
            }
            if (v.get() instanceof ScalarNode s && s.kind() != ScalarNode.Kind.NULL) {
                return Optional.of(s.text());
            }
            error(v.get(), "'" + key + "' is a text");
            return Optional.empty();
        }

        private Optional<StagingSuite> suite(ObjectNode n) {
            int before = problems.size();
            n.fields().forEach((k, v) -> {
                if (!FIELDS.contains(k)) {
                    error(v, "unknown field '" + k + "' in a suite" + org.breakwater.text.Suggestions.didYouMean(k, FIELDS)
                            + " (secrets are set with: breakwater staging suite secret SUITE NAME)");
                }
            });
            Optional<String> name = text(n, "name", true);
            List<String> services = new ArrayList<>();
            Optional<Node> sv = n.get("services");
            if (sv.isEmpty() || !(sv.get() instanceof ArrayNode a) || a.items().isEmpty()) {
                error(sv.orElse(n), "a suite needs 'services': the list of services it covers");
            } else {
                a.items().forEach(i -> {
                    if (i instanceof ScalarNode s) {
                        services.add(s.text());
                    } else {
                        error(i, "a service is named by a text");
                    }
                });
            }
            Optional<String> command = text(n, "command", true);
            Optional<String> results = text(n, "results", true);
            String workdir = text(n, "workdir", false).map(w -> file.toAbsolutePath().getParent().resolve(w).normalize()
                    .toString()).orElse(file.toAbsolutePath().getParent().toString());
            Duration timeout = text(n, "timeout", false).flatMap(t -> Durations.parse(t).or(() -> {
                error(n.get("timeout").orElseThrow(), "timeout is like 90s, 30m or 2h, not '" + t + "'");
                return Optional.empty();
            })).orElse(StagingSuite.DEFAULT_TIMEOUT);
            StagingSuite.Display display = text(n, "display", false).flatMap(d -> StagingSuite.Display.parse(d).or(() -> {
                error(n.get("display").orElseThrow(), "display is none or virtual, not '" + d + "'");
                return Optional.empty();
            })).orElse(StagingSuite.Display.NONE);
            ZoneId zone = ZoneId.of("UTC");
            Optional<String> tz = text(n, "timeZone", false);
            if (tz.isPresent()) {
                try {
                    zone = ZoneId.of(tz.get());
                } catch (DateTimeException e) {
                    error(n.get("timeZone").orElseThrow(), "unknown time zone '" + tz.get() + "' (an IANA name such as"
                            + " Europe/Paris)");
                }
            }
            String cron = text(n, "schedule", false).orElse(StagingSuite.DAILY);
            org.breakwater.staging.SuiteSchedule.problem(cron).ifPresent(p -> error(n.get("schedule").orElseThrow(), p));
            Map<String, String> env = env(n);
            String identify = text(n, "identify", false).orElse("");
            org.breakwater.staging.SuiteRules.identifyProblem(identify.strip())
                    .ifPresent(p -> error(n.get("identify").orElseThrow(), p));
            if (problems.size() > before || name.isEmpty() || command.isEmpty() || results.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new StagingSuite(name.get(), services, command.get(), workdir, env, results.get(), timeout,
                    display, text(n, "environment", false).orElse("staging"), cron, zone, file.toString(),
                    identify));
        }

        private Map<String, String> env(ObjectNode n) {
            Map<String, String> env = new LinkedHashMap<>();
            Optional<Node> e = n.get("env");
            if (e.isEmpty()) {
                return env;
            }
            if (!(e.get() instanceof ObjectNode o)) {
                error(e.get(), "'env' is a mapping of variable names to values");
                return env;
            }
            o.fields().forEach((k, v) -> {
                if (v instanceof ScalarNode s) {
                    env.put(k, s.text());
                } else {
                    error(v, "the value of " + k + " is a text");
                }
            });
            return env;
        }
    }
}
