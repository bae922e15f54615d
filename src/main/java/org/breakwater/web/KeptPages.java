package org.breakwater.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a page or an answer made of a plan's report was, kept per plan for the very report object
 * it was made from. {@code PlanService} hands out the same report object only while the store has
 * taken no write and within the same second ({@code plan.KeptReports}, decision 0029), so
 * everything else such a page reads from the store is unchanged too, and what is kept is what a
 * fresh one would be. Only what is the same for every viewer is kept: the plan page of a visitor
 * who is not logged in, with no refused form, and the can-deploy JSON.
 */
final class KeptPages {
    private record Kept(Object source, String text) {
    }

    private static final int LIMIT = 1_000;
    private final Map<Long, Kept> kept = new ConcurrentHashMap<>();

    /** The text made from {@code source} for plan {@code plan}: kept, or {@code make}'s, then kept. */
    String of(long plan, Object source, Supplier<String> make) {
        Kept k = kept.get(plan);
        if (k != null && k.source() == source) {
            return k.text();
        }
        String text = make.get();
        if (kept.size() > LIMIT) {
            kept.clear();
        }
        kept.put(plan, new Kept(source, text));
        return text;
    }
}
