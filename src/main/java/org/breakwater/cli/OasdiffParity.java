package org.breakwater.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.breakwater.apidiff.rule.Level;
import org.breakwater.apidiff.rule.Rule;
import org.breakwater.apidiff.rule.Rules;

/**
 * oasdiff's checks mapped to Breakwater's rules, read from {@code oasdiff-parity.tsv} beside
 * this class: the "Parity with oasdiff" table of docs/rules.md. Breakwater's levels are taken
 * from the catalogue, so the table cannot drift from it.
 */
final class OasdiffParity {
    private static final String FILE = "oasdiff-parity.tsv";

    /**
     * One oasdiff check.
     *
     * @param level  oasdiff's level, as a Breakwater level (error is breaking, warn is warning)
     * @param rules  the Breakwater rule ids that report the same change; empty when none does
     * @param reason why the levels differ, or why there is no rule
     */
    record Row(String check, Level level, List<String> rules, String reason, int line) {
        /** Breakwater's levels for this check, from the catalogue; empty when no rule (or an unknown id) is named. */
        Set<Level> breakwaterLevels() {
            Set<Level> levels = new TreeSet<>();
            rules.forEach(id -> Rules.find(id).map(Rule::level).ifPresent(levels::add));
            return levels;
        }

        /** True when Breakwater judges the change otherwise (or not at all), which needs a reason. */
        boolean differs() {
            return rules.isEmpty() || !breakwaterLevels().equals(Set.of(level));
        }
    }

    private OasdiffParity() {
    }

    static List<Row> rows() {
        try (InputStream in = OasdiffParity.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the build");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != 4) {
                throw new IllegalStateException(FILE + ":" + (i + 1) + ": expected 4 tab-separated columns, found " + cells.length);
            }
            Level level = level(cells[1]).orElseThrow(() -> new IllegalStateException(FILE + ": unknown level " + cells[1]));
            List<String> rules = cells[2].equals("-") ? List.of()
                    : Arrays.stream(cells[2].split(",")).map(String::strip).toList();
            rows.add(new Row(cells[0], level, rules, cells[3].strip(), i + 1));
        }
        return rows;
    }

    private static Optional<Level> level(String oasdiff) {
        return switch (oasdiff) {
            case "error" -> Optional.of(Level.BREAKING);
            case "warning" -> Optional.of(Level.WARNING);
            case "info" -> Optional.of(Level.INFO);
            default -> Optional.empty();
        };
    }

    private static String oasdiffWord(Level level) {
        return switch (level) {
            case BREAKING -> "error";
            case WARNING -> "warn";
            case INFO -> "info";
        };
    }

    /** The section of docs/rules.md. */
    static void markdown(StringBuilder b) {
        List<Row> rows = rows();
        long differ = rows.stream().filter(Row::differs).count();
        b.append("\n## Parity with oasdiff\n\n")
                .append("oasdiff is the most complete peer: its checker documents each check's id and level. Below, ")
                .append(rows.size()).append(" of its\nchecks (endpoints, parameters, request and response bodies and ")
                .append("their schemas; levels as in\n`checker/rules.go` of tufin/oasdiff at commit 081dd3843c4e; its ")
                .append("security, stability, read-only/\nwrite-only, property deprecation and versioning checks are not ")
                .append("mapped yet) against Breakwater's ")
                .append("rules and default levels\n(oasdiff's `error` is breaking, `warn` a warning). ").append(differ)
                .append(" are judged otherwise or not reported; each says why,\nand \"peer wrong on the wire\" marks ")
                .append("where oasdiff's level does not match what happens to a client.\n\n")
                .append("| oasdiff check | oasdiff | Breakwater rule | Breakwater | why |\n|---|---|---|---|---|\n");
        for (Row r : rows) {
            b.append("| `").append(r.check()).append("` | ").append(oasdiffWord(r.level())).append(" | ")
                    .append(r.rules().isEmpty() ? "—" : String.join(", ", r.rules().stream().map(id -> "`" + id + "`").toList()))
                    .append(" | ").append(r.rules().isEmpty() ? "not reported"
                            : String.join(", ", r.breakwaterLevels().stream().map(Level::id).toList()))
                    .append(" | ").append(r.reason().replace("|", "\\|")).append(" |\n");
        }
    }
}
