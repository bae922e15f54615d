package org.breakwater.traffic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.breakwater.catalog.CatalogService;
import org.breakwater.catalog.Outcome;
import org.breakwater.traffic.parse.LogFormat;

/**
 * Follows log files, or folders of them, as they grow: each {@link #poll()} reads what was added
 * to each file since the last one, up to its last complete line, and stores the counts together
 * with how far it read (a {@link Cursor} per file) in one transaction — so a follower stopped at
 * any moment and started again counts every line exactly once.
 *
 * <p>Files are known by their identity (the inode where the system has one), not their name: a
 * log renamed by rotation ({@code access_log} → {@code access_log.1}) is read on from where it
 * was, and the new {@code access_log} from its start. A file that shrank was truncated in place
 * (copytruncate) and is read again from its start. Compressed files in a folder ({@code .gz},
 * {@code .bz2}, {@code .xz}, {@code .zst}) are rotated copies of what was followed and are left
 * alone; read old ones once with a plain {@code traffic ingest}.
 */
public final class Follower {
    /** Where reading a file stopped: the byte after its last complete line read. */
    public record Cursor(String service, String environment, String fileKey, String path, long position,
                         java.time.Instant updated) {
    }

    /** What one poll read: per file with new lines, the reader's summary; the counts added. */
    public record Poll(TrafficService.Report report, List<String> notes) {
        public boolean readSomething() {
            return !report.inputs().isEmpty();
        }
    }

    /** A line longer than this with no end yet is read as it is (the reader counts it as overlong). */
    static final long PARTIAL_LINE_LIMIT = 1 << 20;
    private static final List<String> COMPRESSED = List.of(".gz", ".bz2", ".xz", ".zst", ".zip");

    private final CatalogService catalog;
    private final TrafficRepository repository;
    private final String service;
    private final String environment;
    private final LogFormat format;
    private final List<Path> targets;
    private final List<CallerRule> rules;
    private final Function<String, Optional<String>> resolver;
    private final Clock clock;
    private final SampleRepository samples;
    private final java.util.Set<String> droppedQuery;

    /** A follower that keeps no request samples. */
    public Follower(CatalogService catalog, TrafficRepository repository, String service, String environment,
                    LogFormat format, List<Path> targets, List<CallerRule> rules,
                    Function<String, Optional<String>> resolver, Clock clock) {
        this(catalog, repository, SampleRepository.NONE, java.util.Set.of(), service, environment, format, targets, rules,
                resolver, clock);
    }

    /**
     * A follower that also keeps samples of request targets in {@code samples}, as a one-shot
     * ingest does (replay reads them), without the query parameters named in {@code droppedQuery}.
     */
    public Follower(CatalogService catalog, TrafficRepository repository, SampleRepository samples,
                    java.util.Set<String> droppedQuery, String service, String environment, LogFormat format,
                    List<Path> targets, List<CallerRule> rules, Function<String, Optional<String>> resolver,
                    Clock clock) {
        this.samples = samples;
        this.droppedQuery = java.util.Set.copyOf(droppedQuery);
        this.catalog = catalog;
        this.repository = repository;
        this.service = service;
        this.environment = environment;
        this.format = format;
        this.targets = targets.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.rules = List.copyOf(rules);
        this.resolver = resolver;
        this.clock = clock;
    }

    private record Seen(Path path, String key, long size, java.nio.file.attribute.FileTime modified) {
    }

    /** Reads what is new in every followed file and stores it; refused (nothing stored) when a file cannot be read. */
    public Outcome<Poll> poll() {
        List<String> notes = new ArrayList<>();
        List<Seen> files = new ArrayList<>();
        for (Path t : targets) {
            try {
                if (Files.isDirectory(t)) {
                    try (DirectoryStream<Path> dir = Files.newDirectoryStream(t)) {
                        for (Path p : dir) {
                            String name = p.getFileName().toString();
                            if (name.startsWith(".") || !Files.isRegularFile(p) || COMPRESSED.stream()
                                    .anyMatch(c -> name.toLowerCase(Locale.ROOT).endsWith(c))) {
                                continue;
                            }
                            files.add(seen(p));
                        }
                    }
                } else if (Files.isRegularFile(t)) {
                    files.add(seen(t));
                } else if (!Files.exists(t)) {
                    notes.add(t + ": not there (yet)");
                }
            } catch (IOException e) {
                return Outcome.refused(t + ": cannot be read: " + e.getMessage() + " (nothing was stored)");
            }
        }
        files.sort(Comparator.comparing(Seen::modified).thenComparing(s -> s.path().toString()));
        Map<String, Cursor> cursors = new HashMap<>();
        repository.cursors(service, environment).forEach(c -> cursors.put(c.fileKey(), c));
        List<TrafficService.Input> inputs = new ArrayList<>();
        List<Cursor> advanced = new ArrayList<>();
        java.util.Set<String> present = new java.util.HashSet<>();
        for (Seen f : files) {
            present.add(f.key());
            Cursor c = cursors.get(f.key());
            long from = c == null ? 0 : c.position();
            if (f.size() < from) {
                notes.add(f.path() + ": shrank from " + from + " to " + f.size() + " bytes (truncated): read again from"
                        + " its start");
                from = 0;
            }
            if (f.size() == from) {
                continue;
            }
            long to;
            try {
                to = lastLineEnd(f.path(), from, f.size());
            } catch (IOException e) {
                return Outcome.refused(f.path() + ": cannot be read: " + e.getMessage() + " (nothing was stored)");
            }
            if (to == from) {
                continue; // only part of a line so far
            }
            long start = from;
            String name = start == 0 ? f.path().toString() : f.path() + " (from byte " + start + ")";
            inputs.add(new TrafficService.Input(name, () -> slice(f.path(), start, to)));
            advanced.add(new Cursor(service, environment, f.key(), f.path().toString(), to, clock.instant()));
        }
        List<Cursor> forgotten = cursors.values().stream().filter(c -> !present.contains(c.fileKey()) && followed(c))
                .toList();
        Pending pending = new Pending(repository, advanced, forgotten);
        if (inputs.isEmpty()) {
            pending.merge(List.of(), List.of());
            return Outcome.done(new Poll(new TrafficService.Report(List.of(), List.of()), notes));
        }
        Outcome<TrafficService.Report> o = new TrafficService(catalog, pending, samples, droppedQuery).ingest(service, environment, format,
                inputs, rules, resolver);
        if (o instanceof Outcome.Refused<TrafficService.Report> r) {
            return Outcome.refused(r.reason());
        }
        TrafficService.Report report = ((Outcome.Done<TrafficService.Report>) o).value();
        if (!pending.merged) {
            pending.merge(List.of(), List.of()); // nothing counted, but the lines were read
        }
        return Outcome.done(new Poll(report, notes));
    }

    /** Whether a stored cursor belongs to a file this follower looks after (its folder, or itself). */
    private boolean followed(Cursor c) {
        Path p = Path.of(c.path());
        return targets.stream().anyMatch(t -> p.equals(t) || t.equals(p.getParent()));
    }

    private static Seen seen(Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        Object key = a.fileKey();
        return new Seen(p, key == null ? "path:" + p : key.toString(), a.size(), a.lastModifiedTime());
    }

    /** The byte after the last newline in [from, size), or {@code from} if there is none (a line still being written). */
    static long lastLineEnd(Path file, long from, long size) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            long end = size;
            while (end > from) {
                long start = Math.max(from, end - buf.capacity());
                buf.clear().limit((int) (end - start));
                int read = 0;
                while (buf.hasRemaining()) {
                    int n = ch.read(buf, start + read);
                    if (n < 0) {
                        break;
                    }
                    read += n;
                }
                for (int i = read - 1; i >= 0; i--) {
                    if (buf.get(i) == '\n') {
                        return start + i + 1;
                    }
                }
                end = start;
            }
        }
        return size - from > PARTIAL_LINE_LIMIT ? size : from;
    }

    /** Bytes [from, to) of a file. */
    static InputStream slice(Path file, long from, long to) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        ch.position(from);
        InputStream in = Channels.newInputStream(ch);
        return new InputStream() {
            long left = to - from;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = in.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    /** The store as the ingest sees it: its one merge also saves the cursors of what was read. */
    private static final class Pending implements TrafficRepository {
        private final TrafficRepository store;
        private final List<Cursor> cursors;
        private final List<Cursor> forgotten;
        boolean merged;

        Pending(TrafficRepository store, List<Cursor> cursors, List<Cursor> forgotten) {
            this.store = store;
            this.cursors = cursors;
            this.forgotten = forgotten;
        }

        @Override
        public void merge(Collection<Usage> usages, Collection<Crossings.Crossing> crossings) {
            merge(usages, crossings, List.of(), List.of(), List.of(), List.of());
        }

        @Override
        public void merge(Collection<Usage> usages, Collection<Crossings.Crossing> crossings, Collection<Cursor> more,
                          Collection<Cursor> gone, Collection<LogRead> reads, Collection<StatusCount> statuses) {
            if (!more.isEmpty() || !gone.isEmpty() || !reads.isEmpty()) {
                throw new UnsupportedOperationException("the follower saves its own cursors");
            }
            store.merge(usages, crossings, cursors, forgotten, List.of(), statuses);
            merged = true;
        }

        @Override
        public List<StatusCount> statuses(String service, String environment, java.time.Instant from,
                                          java.time.Instant to) {
            return store.statuses(service, environment, from, to);
        }

        @Override
        public List<LogRead> reads(String service, String environment) {
            return store.reads(service, environment);
        }

        @Override
        public List<Usage> usages(String service, Optional<String> environment) {
            return store.usages(service, environment);
        }

        @Override
        public List<Crossings.Crossing> crossings(String service) {
            return store.crossings(service);
        }

        @Override
        public List<Cursor> cursors(String service, String environment) {
            return store.cursors(service, environment);
        }

        @Override
        public List<Cursor> cursors() {
            return store.cursors();
        }

        @Override
        public int prune(java.time.Instant before) {
            throw new UnsupportedOperationException("the follower does not prune");
        }
    }
}
