package org.breakwater.plan.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.Times;
import org.breakwater.plan.Migration;
import org.breakwater.plan.MigrationState;

/** A plan's consumer migrations for a terminal and as JSON (plan assess, traffic migrations, the API). */
public final class MigrationOutput {
    private MigrationOutput() {
    }

    /** "2 declared, 1 verified in staging; 1 unknown caller; 1 warning". */
    public static String counts(List<Migration> migrations) {
        Map<MigrationState, Long> by = new java.util.EnumMap<>(MigrationState.class);
        migrations.stream().filter(Migration::known).forEach(m -> by.merge(m.state(), 1L, Long::sum));
        List<String> parts = new java.util.ArrayList<>();
        by.forEach((state, n) -> parts.add(n + " " + state.label()));
        long unknown = migrations.stream().filter(m -> !m.known()).count();
        long warnings = migrations.stream().mapToLong(m -> m.warnings().size()).sum();
        return String.join(", ", parts) + (unknown > 0 ? "; " + unknown + " unknown caller" + (unknown == 1 ? "" : "s")
                : "") + (warnings > 0 ? "; " + warnings + " warning" + (warnings == 1 ? "" : "s") : "");
    }

    /**
     * Unknown callers first, then consumers with warnings, then the most advanced; consumers that
     * are only declared, with nothing seen or recorded, share one line at the end.
     */
    public static void text(PrintWriter out, List<Migration> migrations) {
        out.println("Consumer migrations" + (migrations.isEmpty() ? ": none affected" : ": " + counts(migrations)));
        List<String> quiet = new java.util.ArrayList<>();
        for (Migration m : order(migrations)) {
            if (m.known() && m.state() == MigrationState.DECLARED && m.stillCalls().isEmpty() && m.warnings().isEmpty()) {
                quiet.add(m.consumer());
                continue;
            }
            out.println("  " + (m.known() ? m.consumer() : m.consumer() + "  (NOT IN THE CATALOG)") + " — "
                    + (m.known() ? m.state().label() : "unknown") + (m.declared() ? "" : ", seen in the logs only"));
            out.println("      " + m.why());
            for (Migration.Call c : m.stillCalls()) {
                out.println("      still calls " + c.operation() + ": " + c.calls() + " calls, last " + Times.show(c.lastSeen()));
            }
            for (String w : m.warnings()) {
                out.println("      WARNING: " + w);
            }
        }
        if (!quiet.isEmpty()) {
            out.println("  declared, nothing recorded or seen in the logs yet (" + quiet.size() + "): "
                    + String.join(", ", quiet.stream().sorted().toList()));
        }
    }

    /** Unknown callers, then those with warnings, then the most advanced first; by name within each. */
    public static List<Migration> order(List<Migration> migrations) {
        return migrations.stream().sorted(ORDER).toList();
    }

    /** {@link #order}'s order: unknown callers, then warnings, then the most advanced, then by name. */
    private static final java.util.Comparator<Migration> ORDER = (a, b) -> {
        int c = Boolean.compare(a.known(), b.known());
        if (c == 0) {
            c = Boolean.compare(a.warnings().isEmpty(), b.warnings().isEmpty());
        }
        if (c == 0) {
            c = b.state().compareTo(a.state());
        }
        return c != 0 ? c : a.consumer().compareTo(b.consumer());
    };

    /**
     * The first {@code limit} of {@link #order}{@code (migrations)}, without sorting them all (a
     * page shows 50 of a large plan's 8,000): the same entries in the same order.
     */
    public static List<Migration> first(List<Migration> migrations, int limit) {
        if (migrations.size() <= limit) {
            return order(migrations);
        }
        java.util.PriorityQueue<Migration> kept = new java.util.PriorityQueue<>(limit + 1, ORDER.reversed());
        for (Migration m : migrations) {
            if (kept.size() < limit) {
                kept.add(m);
            } else if (ORDER.compare(m, kept.peek()) < 0) {
                kept.poll();
                kept.add(m);
            }
        }
        List<Migration> out = new java.util.ArrayList<>(kept);
        out.sort(ORDER);
        return out;
    }

    /** Each affected consumer's migration: state, why, the broken operations it still calls, warnings. */
    public static void json(JsonGenerator g, List<Migration> migrations) throws IOException {
        g.writeStartArray();
        for (Migration m : migrations) {
            g.writeStartObject();
            g.writeStringField("consumer", m.consumer());
            g.writeBooleanField("known", m.known());
            JsonOutput.optional(g, "service", m.service());
            g.writeBooleanField("declared", m.declared());
            g.writeBooleanField("observed", m.observed());
            g.writeStringField("state", m.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            g.writeStringField("why", m.why());
            g.writeArrayFieldStart("stillCalls");
            for (Migration.Call c : m.stillCalls()) {
                g.writeStartObject();
                g.writeStringField("operation", c.operation());
                g.writeNumberField("calls", c.calls());
                g.writeStringField("lastSeen", c.lastSeen().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("warnings");
            for (String w : m.warnings()) {
                g.writeString(w);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
