package org.breakwater.apidiff.report;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.breakwater.apidiff.rule.Level;

/**
 * The default, for people at a terminal: a headline, then findings grouped by level and
 * by operation, each with its rule id and the file:line:column where the change is written.
 */
public final class TextRenderer implements Renderer {
    @Override
    public void render(Report report, Appendable out) throws IOException {
        Summary s = report.summary();
        out.append("Comparing ").append(report.oldFile()).append(version(report.oldVersion()))
                .append(" → ").append(report.newFile()).append(version(report.newVersion())).append('\n');
        out.append(String.format("%d breaking, %d warning, %d info%s%n", s.breaking(), s.warning(), s.info(),
                report.suppressed().isEmpty() ? "" : " (" + report.suppressed().size() + " ignored)"));
        for (String notice : report.notices()) {
            out.append("note: ").append(notice).append('\n');
        }
        for (Level level : Level.values()) {
            Map<String, List<Finding>> byOperation = new LinkedHashMap<>();
            for (Finding f : report.findings()) {
                if (f.level() == level) {
                    byOperation.computeIfAbsent(f.operation().isEmpty() ? "(whole API)" : f.operation(),
                            k -> new java.util.ArrayList<>()).add(f);
                }
            }
            if (byOperation.isEmpty()) {
                continue;
            }
            out.append('\n').append(level.name()).append('\n');
            for (Map.Entry<String, List<Finding>> e : byOperation.entrySet()) {
                out.append("  ").append(e.getKey()).append('\n');
                for (Finding f : e.getValue()) {
                    out.append("    - ").append(f.message()).append("  [").append(f.id()).append("]\n");
                    out.append("      at ").append(f.source().position()).append(' ').append(f.location()).append('\n');
                }
            }
        }
        if (report.findings().isEmpty()) {
            out.append("\nNo changes found.\n");
        }
    }

    private static String version(String v) {
        return v == null || v.isEmpty() ? "" : " (" + v + ")";
    }
}
