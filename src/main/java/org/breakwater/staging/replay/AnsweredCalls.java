package org.breakwater.staging.replay;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link Fetcher} that notes which calls the candidate answered (any status; a refused or timed
 * out call is not an answer), so a replay can say which operations it exercised in the candidate
 * environment: coverage counts them (docs/staging.md, Coverage). Calls to the baselines are not
 * noted. Thread-safe: the engine's workers fetch at once.
 */
final class AnsweredCalls implements Fetcher {
    private final Fetcher fetcher;
    private final Set<URI> candidates = ConcurrentHashMap.newKeySet();
    private final Map<String, java.util.concurrent.atomic.AtomicLong> answered = new ConcurrentHashMap<>();
    private final Map<String, ReplayEngine.Endpoints> endpoints;

    AnsweredCalls(Fetcher fetcher, Map<String, ReplayEngine.Endpoints> endpoints) {
        this.fetcher = fetcher;
        this.endpoints = endpoints;
        endpoints.values().forEach(e -> candidates.add(e.candidate()));
    }

    @Override
    public Answer fetch(URI base, String method, String target) {
        Answer a = fetcher.fetch(base, method, target);
        if (a.failure().isEmpty() && candidates.contains(base)) {
            answered.computeIfAbsent(key(base, method, target), k -> new java.util.concurrent.atomic.AtomicLong())
                    .incrementAndGet();
        }
        return a;
    }

    private static String key(URI base, String method, String target) {
        return base + "\n" + method + "\n" + target;
    }

    /**
     * Per service and operation, how many of {@code calls} the candidate answered, sorted (each
     * answer counts once: calls to the same target share its answers, in the order given).
     */
    List<ReplayRun.Exercised> exercised(List<ReplayCall> calls) {
        Map<String, long[]> counts = new TreeMap<>();
        for (ReplayCall c : calls) {
            ReplayEngine.Endpoints to = endpoints.get(c.service());
            java.util.concurrent.atomic.AtomicLong left = to == null ? null
                    : answered.get(key(to.candidate(), c.method(), c.target()));
            if (left != null && left.getAndDecrement() > 0) {
                counts.computeIfAbsent(c.service() + "\n" + c.operation(), k -> new long[1])[0]++;
            }
        }
        List<ReplayRun.Exercised> out = new ArrayList<>();
        counts.forEach((k, n) -> {
            String[] so = k.split("\n", 2);
            out.add(new ReplayRun.Exercised(so[0], so[1], n[0]));
        });
        return out;
    }
}
