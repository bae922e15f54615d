package org.breakwater.staging.run;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The JUnit XML files a run wrote: regular files under the suite's folder whose path relative to it
 * matches the suite's glob ({@code reports/*.xml}, {@code **}{@code /TEST-*.xml}), changed since the run
 * started (a report left by an earlier run is not this run's), at most {@link #MAX_FILES}.
 */
final class ResultFiles {
    static final int MAX_FILES = 1_000;
    static final int MAX_DEPTH = 12;

    private ResultFiles() {
    }

    static List<Path> find(Path folder, String glob, Instant since) throws IOException {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        long from = since.toEpochMilli() / 1_000 * 1_000; // file systems that keep whole seconds
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder, MAX_DEPTH, new FileVisitOption[0])) {
            walk.filter(p -> matcher.matches(folder.relativize(p))).filter(Files::isRegularFile)
                    .filter(p -> modified(p) >= from).sorted().limit(MAX_FILES).forEach(out::add);
        }
        return out;
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return Long.MIN_VALUE;
        }
    }
}
