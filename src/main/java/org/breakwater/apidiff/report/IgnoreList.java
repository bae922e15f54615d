package org.breakwater.apidiff.report;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.apidiff.rule.Profile;
import org.breakwater.apidiff.rule.Rules;
import org.breakwater.apidiff.spec.ArrayNode;
import org.breakwater.apidiff.spec.Node;
import org.breakwater.apidiff.spec.ObjectNode;
import org.breakwater.apidiff.spec.Problem;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.SpecException;
import org.breakwater.apidiff.spec.TreeReader;

/**
 * Findings a team has looked at and accepted, kept in a YAML file beside the description:
 * <pre>
 * - id: response-property-removed
 *   operation: GET /packages          # "*" for any operation
 *   location: /components/schemas/... # optional
 *   reason: pkgdb-cli 2.0 no longer reads it
 *   until: 2026-12-31                 # optional: after this date the finding shows again
 * </pre>
 * or, to choose the profile the levels are judged by as well, a mapping:
 * <pre>
 * profile: strict-clients             # optional: default or strict-clients
 * ignore:                             # optional: the list above
 *   - id: ...
 * </pre>
 */
public final class IgnoreList {
    /** One accepted finding. */
    public record Entry(String id, String operation, Optional<String> location, String reason,
                        Optional<LocalDate> until, String position) {
        boolean matches(Finding f) {
            return f.id().equals(id) && (operation.equals("*") || operation.equalsIgnoreCase(f.operation()))
                    && location.map(l -> l.equals(f.location())).orElse(true);
        }
    }

    private final List<Entry> entries;
    private final Optional<Profile> profile;

    public IgnoreList(List<Entry> entries) {
        this(entries, Optional.empty());
    }

    public IgnoreList(List<Entry> entries, Optional<Profile> profile) {
        this.entries = List.copyOf(entries);
        this.profile = profile;
    }

    /** The profile the file chooses, if it names one. */
    public Optional<Profile> profile() {
        return profile;
    }

    public List<Entry> entries() {
        return entries;
    }

    public static IgnoreList read(Path file) throws SpecException {
        String name = file.toString();
        Node root = new TreeReader(ReadLimits.defaults().withMaxBytes(4L * 1024 * 1024)).read(file, name);
        Optional<Profile> profile = Optional.empty();
        Node list = root;
        if (root instanceof ObjectNode o) {
            profile = profile(name, o);
            if (!o.has("ignore")) {
                return new IgnoreList(List.of(), profile);
            }
            list = o.fields().get("ignore");
        }
        if (!(list instanceof ArrayNode a)) {
            throw new SpecException(Problem.at(name, list, "an ignore file is a list of entries (id, operation, reason, until)"));
        }
        List<Entry> entries = new ArrayList<>();
        for (Node n : a.items()) {
            if (!(n instanceof ObjectNode e)) {
                throw new SpecException(Problem.at(name, n, "an ignore entry must be a mapping"));
            }
            String id = required(name, e, "id");
            if (Rules.find(id).isEmpty()) {
                throw new SpecException(Problem.at(name, e.get("id").get(), "unknown rule id '" + id + "' (see `breakwater rules`)"));
            }
            String operation = required(name, e, "operation");
            String reason = required(name, e, "reason");
            Optional<LocalDate> until = Optional.empty();
            if (e.has("until")) {
                String text = e.text("until").orElse("");
                try {
                    until = Optional.of(LocalDate.parse(text));
                } catch (DateTimeParseException ex) {
                    throw new SpecException(Problem.at(name, e.get("until").get(), "'until' must be a date like 2026-12-31"));
                }
            }
            entries.add(new Entry(id, operation, e.text("location"), reason, until, name + ":" + e.line()));
        }
        return new IgnoreList(entries, profile);
    }

    /** The {@code profile} of a file written as a mapping; any key but {@code profile} and {@code ignore} is refused. */
    private static Optional<Profile> profile(String name, ObjectNode o) throws SpecException {
        for (Map.Entry<String, Node> e : o.fields().entrySet()) {
            if (!e.getKey().equals("profile") && !e.getKey().equals("ignore")) {
                throw new SpecException(Problem.at(name, e.getValue(), "unknown key '" + e.getKey()
                        + "': an ignore file holds 'profile' and 'ignore'"));
            }
        }
        if (!o.has("profile")) {
            return Optional.empty();
        }
        Optional<Profile> p = o.text("profile").flatMap(Profile::parse);
        if (p.isEmpty()) {
            throw new SpecException(Problem.at(name, o.fields().get("profile"), "'profile' must be " + Profile.choices()));
        }
        return p;
    }

    private static String required(String file, ObjectNode e, String key) throws SpecException {
        Optional<String> v = e.text(key).filter(s -> !s.isBlank());
        if (v.isEmpty()) {
            throw new SpecException(Problem.at(file, e, "ignore entry needs '" + key + "'"));
        }
        return v.get();
    }

    /** Hides the findings matched by entries still in force; expired entries hide nothing and say so. */
    public Report apply(Report report, LocalDate today) {
        List<Finding> kept = new ArrayList<>();
        List<Suppressed> hidden = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        for (Entry e : entries) {
            if (e.until().isPresent() && e.until().get().isBefore(today)) {
                notices.add("ignore entry at " + e.position() + " (" + e.id() + " " + e.operation()
                        + ") expired on " + e.until().get() + "; its findings are reported again");
            }
        }
        for (Finding f : report.findings()) {
            Optional<Entry> hit = entries.stream()
                    .filter(e -> e.until().map(u -> !u.isBefore(today)).orElse(true))
                    .filter(e -> e.matches(f)).findFirst();
            if (hit.isPresent()) {
                hidden.add(new Suppressed(f, hit.get().reason()));
            } else {
                kept.add(f);
            }
        }
        return report.withFindings(kept, hidden, notices);
    }
}
