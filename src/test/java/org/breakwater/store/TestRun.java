package org.breakwater.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * What the whole test run shares, registered for every test class (META-INF/services,
 * junit-platform.properties): at the end of the run it stops the embedded PostgreSQL (inside the
 * run, not in a shutdown hook after Surefire's System.exit, which Surefire would wait on and then
 * kill) and says how many connection pools tests left open; it says once why tests were skipped
 * (a shared corpus that is absent), since Surefire's summary only counts them.
 */
public final class TestRun implements BeforeAllCallback, AfterAllCallback, TestWatcher {
    private static final Map<String, Integer> SKIPPED = new TreeMap<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(End.class, k -> new End(), End.class);
        context.getStore(ExtensionContext.Namespace.create(TestRun.class)).put("threads",
                Set.copyOf(Thread.getAllStackTraces().keySet()));
    }

    /** Names a test class that leaves connection pools open: their housekeeper threads outlive it. */
    @Override
    @SuppressWarnings("unchecked")
    public void afterAll(ExtensionContext context) throws InterruptedException {
        Set<Thread> before = (Set<Thread>) context.getStore(ExtensionContext.Namespace.create(TestRun.class)).get("threads");
        if (before == null || context.getTestClass().map(c -> c.getEnclosingClass() != null).orElse(false)) {
            return;
        }
        List<Thread> pools = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.getName().contains("housekeeper")).toList();
        for (Thread t : pools) {
            t.join(2_000); // a closed pool's housekeeper ends as its executor shuts down
        }
        long open = pools.stream().filter(Thread::isAlive).count();
        if (open > 0) {
            System.err.println("breakwater tests: " + context.getDisplayName() + " left " + open
                    + " connection pools open (a test opened a store and did not close it)");
        }
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        String reason = Optional.ofNullable(cause.getMessage()).orElse(cause.toString())
                .replaceFirst("^Assumption failed: ", "");
        synchronized (SKIPPED) {
            if (SKIPPED.merge(reason, 1, Integer::sum) == 1) {
                System.err.println("breakwater tests: skipped " + context.getDisplayName() + ": " + reason);
            }
        }
    }

    /** The connection pools {@code action} opened and left open (their housekeeper threads' names). */
    public static List<String> poolsLeftOpenBy(Runnable action) throws InterruptedException {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        action.run();
        List<Thread> pools = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.getName().contains("housekeeper")).toList();
        for (Thread t : pools) {
            t.join(10_000); // a closed pool's housekeeper ends as its executor shuts down
        }
        return pools.stream().filter(Thread::isAlive).map(Thread::getName).toList();
    }

    /** Threads of connection pools still open: HikariCP runs one "POOL housekeeper" thread per pool. */
    public static long openPools() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().contains("housekeeper")).count();
    }

    /** Closed by JUnit when the whole run is done. */
    private static final class End implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            TestDatabases.stop();
            synchronized (SKIPPED) {
                SKIPPED.forEach((reason, n) -> System.err.println("breakwater tests: " + n + " skipped: " + reason));
            }
            long open = openPools();
            if (open > 0) {
                System.err.println("breakwater tests: " + open + " connection pools left open (a test opened a store"
                        + " and did not close it)");
            }
        }
    }
}
