package org.breakwater.staging.run;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.breakwater.staging.Redactor;
import org.breakwater.staging.ReportRead;
import org.breakwater.staging.StagingSuite;
import org.breakwater.staging.SuiteLauncher;
import org.breakwater.staging.junit.JunitReader;

/**
 * Runs a suite's command with {@code /bin/sh -c} (under {@code xvfb-run -a} for {@code display:
 * virtual}) in its folder, with its variables and secrets in the environment and none of
 * Breakwater's own {@code BREAKWATER_*} variables. Output (standard error merged) is read to the
 * end but kept bounded ({@link BoundedOutput}). At the timeout the whole process tree is killed:
 * every descendant the command started ({@link ProcessHandle#descendants()}, gathered while it
 * runs, so children whose parent already died are killed too), then the command itself.
 */
public final class ProcessLauncher implements SuiteLauncher {
    static final int HEAD = 64 * 1024;
    static final int TAIL = 64 * 1024;

    private final Path base;
    private final Duration beat;
    private final Map<String, String> inherited;

    /** {@code base}: the folder relative suite folders are resolved against; {@code inherited}: the environment. */
    public ProcessLauncher(Path base, Duration beat, Map<String, String> inherited) {
        this.base = base;
        this.beat = beat;
        this.inherited = Map.copyOf(inherited);
    }

    public static ProcessLauncher standard() {
        return new ProcessLauncher(Path.of("").toAbsolutePath(), org.breakwater.staging.SuiteRuns.HEARTBEAT,
                System.getenv());
    }

    @Override
    public Launch launch(StagingSuite suite, Map<String, String> secrets, Runnable heartbeat) {
        Instant started = Instant.now(); // file modification times are the machine's, whatever clock the runs record
        Path folder = base.resolve(suite.workdir().isEmpty() ? "." : suite.workdir()).normalize();
        if (!Files.isDirectory(folder)) {
            return failed("the suite's folder " + folder + " does not exist");
        }
        List<String> command = new ArrayList<>();
        if (suite.display() == StagingSuite.Display.VIRTUAL) {
            Optional<Path> xvfb = onPath("xvfb-run");
            if (xvfb.isEmpty()) {
                return failed("display: virtual needs xvfb-run (Debian package xvfb), which is not on the PATH;"
                        + " install it or run the suite without a virtual display");
            }
            command.addAll(List.of(xvfb.get().toString(), "-a"));
        }
        command.addAll(List.of("/bin/sh", "-c", suite.command()));
        ProcessBuilder pb = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().clear();
        inherited.forEach((k, v) -> {
            if (!k.startsWith("BREAKWATER_")) {
                pb.environment().put(k, v);
            }
        });
        pb.environment().putAll(suite.env());
        pb.environment().putAll(secrets);
        Redactor redactor = new Redactor(secrets);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            return failed("the command could not start: " + e.getMessage());
        }
        BoundedOutput output = new BoundedOutput(HEAD, TAIL);
        Thread drain = new Thread(() -> {
            try {
                output.drain(process.getInputStream());
            } catch (IOException e) {
                // the pipe closed under us: the process was killed
            }
        }, "breakwater-suite-" + suite.name());
        drain.setDaemon(true);
        drain.start();
        boolean timedOut = waitFor(process, suite.timeout(), heartbeat);
        Optional<Integer> exit = timedOut ? Optional.empty() : Optional.of(process.exitValue());
        joinDrain(drain);
        String text = output.text(redactor);
        List<ReportRead> reports = new ArrayList<>();
        Optional<String> problem = Optional.empty();
        try {
            for (Path file : ResultFiles.find(folder, suite.results(), started)) {
                reports.add(new JunitReader().read(file));
            }
        } catch (IOException e) {
            problem = Optional.of("the results under " + folder + " cannot be read: " + e.getMessage());
        }
        if (reports.isEmpty() && problem.isEmpty()) {
            problem = Optional.of((exit.orElse(0) == 127 ? "the command was not found (exit 127): " + firstLine(text)
                    + "; " : exit.map(x -> "the command exited with " + x + " and ").orElse(""))
                    + "it wrote no JUnit XML matching '" + suite.results() + "' in " + folder);
        }
        return new Launch(exit, timedOut, text, reports, problem);
    }

    /** Waits for the process, beating; at the timeout kills its tree. True when it was killed. */
    private boolean waitFor(Process process, Duration timeout, Runnable heartbeat) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<ProcessHandle> seen = new LinkedHashSet<>();
        long lastBeat = System.nanoTime();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    killTree(process, seen);
                    return true;
                }
                long step = Math.min(left, TimeUnit.MILLISECONDS.toNanos(200));
                if (process.waitFor(step, TimeUnit.NANOSECONDS)) {
                    seen.forEach(ProcessHandle::destroyForcibly); // what it left running in the background
                    return false;
                }
                process.descendants().forEach(seen::add);
                if (System.nanoTime() - lastBeat >= beat.toNanos()) {
                    heartbeat.run();
                    lastBeat = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            killTree(process, seen);
            Thread.currentThread().interrupt();
            return true;
        }
    }

    static void killTree(Process process, Set<ProcessHandle> seen) {
        for (int round = 0; round < 5; round++) {
            List<ProcessHandle> now = process.descendants().toList();
            seen.addAll(now);
            if (now.isEmpty()) {
                break;
            }
            now.forEach(ProcessHandle::destroyForcibly);
        }
        process.destroyForcibly();
        seen.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinDrain(Thread drain) {
        try {
            drain.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private Optional<Path> onPath(String program) {
        String path = inherited.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static Launch failed(String problem) {
        return new Launch(Optional.empty(), false, "", List.of(), Optional.of(problem));
    }
}
