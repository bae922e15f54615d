package org.breakwater.traffic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Keeps a plain {@code traffic ingest} from counting the same bytes twice: each log given is
 * matched, by its first bytes, against what earlier ingests of the service's environment read
 * ({@link LogRead}). A log read to its end is skipped, saying so; one that grew is read from
 * where the last read stopped; a new one is read whole. Standard input cannot be recognised and
 * is counted as given. With {@code reread}, every log is read whole again.
 */
public final class LogReads {
    /** How many first bytes of a log identify it. */
    public static final int HEAD = 4096;

    /** The logs to read (each with the read to record once it is counted), and what was skipped or shortened. */
    public record Plan(List<TrafficService.Input> inputs, List<String> notes) {
        public Plan {
            inputs = List.copyOf(inputs);
            notes = List.copyOf(notes);
        }
    }

    private final String service;
    private final String environment;
    private final List<LogRead> known;
    private final Clock clock;
    private final UnaryOperator<InputStream> wrap;
    private final List<TrafficService.Input> inputs = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<LogRead> planned = new ArrayList<>();

    /**
     * @param known what earlier ingests of {@code service} in {@code environment} read
     * @param wrap  applied to every stream opened (a progress counter)
     */
    public LogReads(String service, String environment, List<LogRead> known, Clock clock,
                    UnaryOperator<InputStream> wrap) {
        this.service = service;
        this.environment = environment;
        this.known = List.copyOf(known);
        this.clock = clock;
        this.wrap = wrap;
    }

    /** What to read of {@code files} ("-" is standard input, {@code stdin} opens it). */
    public Plan plan(List<String> files, TrafficService.Opener stdin, boolean reread) throws IOException {
        for (String file : files) {
            if (file.equals("-")) {
                notes.add("standard input cannot be recognised if it is given again: counted as given");
                inputs.add(new TrafficService.Input("<stdin>", () -> wrap.apply(stdin.open())));
            } else {
                plan(Path.of(file), reread);
            }
        }
        return new Plan(inputs, notes);
    }

    private void plan(Path file, boolean reread) throws IOException {
        long size = Files.size(file);
        byte[] head = head(file, (int) Math.min(size, HEAD));
        String name = file.toString();
        if (head.length == 0) {
            inputs.add(new TrafficService.Input(name, () -> wrap.apply(Files.newInputStream(file))));
            return;
        }
        Optional<LogRead> before = match(planned, head).or(() -> match(known, head));
        if (before.isPresent() && planned.contains(before.get())) {
            notes.add("skipped " + name + ": the same log as " + before.get().path() + ", given before in this command");
            return;
        }
        LogRead read = before.orElseGet(() -> new LogRead(service, environment, sha256(head, head.length), head.length,
                name, head.length, clock.instant()));
        long from = before.isEmpty() || reread ? 0 : before.get().position();
        if (from >= size) {
            notes.add("skipped " + name + ": already read up to byte " + from + " on " + org.breakwater.text.Moments.show(before.get().at())
                    + as(before.get(), name) + " (use --reread to count it again)");
            return;
        }
        if (from > 0 && gzip(head)) {
            notes.add("skipped " + name + ": a compressed log read up to byte " + from + " on "
                    + org.breakwater.text.Moments.show(before.get().at()) + as(before.get(), name) + " has changed since; it can only be"
                    + " read whole (use --reread to count it all again)");
            return;
        }
        LogRead done = read.readTo(name, size, clock.instant());
        planned.add(done);
        if (from > 0) {
            notes.add(name + ": read from byte " + from + ", where the read of " + org.breakwater.text.Moments.show(before.get().at())
                    + " stopped" + as(before.get(), name));
        } else if (reread && before.isPresent()) {
            notes.add(name + ": read again from its start (--reread); it was read up to byte "
                    + before.get().position() + " on " + org.breakwater.text.Moments.show(before.get().at()));
        }
        String shown = from == 0 ? name : name + " (from byte " + from + ")";
        inputs.add(new TrafficService.Input(shown, () -> wrap.apply(Follower.slice(file, from, size)),
                Optional.of(done)));
    }

    private static String as(LogRead before, String name) {
        return before.path().equals(name) ? "" : " as " + before.path();
    }

    /** The read whose head these first bytes begin with (the furthest, if several do). */
    private static Optional<LogRead> match(List<LogRead> reads, byte[] head) {
        Optional<LogRead> best = Optional.empty();
        for (int length : new TreeSet<>(reads.stream().map(LogRead::headLength).filter(l -> l <= head.length).toList())) {
            String hash = sha256(head, length);
            for (LogRead r : reads) {
                if (r.headLength() == length && r.headHash().equals(hash)
                        && (best.isEmpty() || r.position() > best.get().position())) {
                    best = Optional.of(r);
                }
            }
        }
        return best;
    }

    private static boolean gzip(byte[] head) {
        return head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    }

    private static byte[] head(Path file, int length) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(length);
        }
    }

    static String sha256(byte[] bytes, int length) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(bytes, 0, length);
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }
}
