package org.breakwater.bench.yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.SpecException;
import org.breakwater.apidiff.spec.TreeReader;

/**
 * Reading time of YAML against its size, in process, through Breakwater's own reader
 * ({@code TreeReader.parse}, what the CLI and the server call): for each shape of input and
 * each size, the best of a few runs after a warm-up. Writes one TSV line per measurement:
 * {@code shape, MB, best ms, median ms, runs}, appended to OUT. With {@code -Dshape=NAME} only
 * that shape is measured (bench/yaml.sh runs each shape in a JVM of its own).
 *
 * <p>Usage: {@code YamlReadBench OUT.tsv RUNS MB...} (a single-file program: run it with
 * {@code java -cp breakwater.jar YamlReadBench.java ...}).
 */
public final class YamlReadBench {
    private static final int MB = 1024 * 1024;

    private YamlReadBench() {
    }

    record Shape(String name, IntFunction<String> make) {
    }

    static List<Shape> shapes() {
        return List.of(
                new Shape("one plain scalar", n -> "x".repeat(n)),
                new Shape("one double-quoted scalar", n -> "a: \"" + "C:\\ProgramData\\NetBird".repeat(n / 22) + "\""),
                new Shape("one comment line", n -> "a: 1 # " + "y ".repeat(n / 2)),
                new Shape("junk without line breaks", YamlReadBench::junk),
                new Shape("a description-like mapping", YamlReadBench::mapping));
    }

    /** Printable ASCII without ':' or '#' (so it stays one plain scalar), from a fixed seed. */
    static String junk(int n) {
        Random r = new Random(20261204);
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            char x;
            do {
                x = (char) (33 + r.nextInt(94));
            } while (x == ':' || x == '#' || x == '"' || x == '\'' || x == '[' || x == '{' || x == '&' || x == '*'
                    || x == '!' || x == '|' || x == '>' || x == '%' || x == '@' || x == '`' || x == '-' || x == '?'
                    || x == ',' || x == ']' || x == '}');
            c[i] = x;
        }
        return new String(c);
    }

    /** Schemas with properties, the shape of a real description's components, about {@code n} characters. */
    static String mapping(int n) {
        StringBuilder b = new StringBuilder(n + 200).append("components:\n  schemas:\n");
        for (int s = 0; b.length() < n; s++) {
            b.append("    Schema").append(s).append(":\n      type: object\n      properties:\n");
            for (int p = 0; p < 10; p++) {
                b.append("        field").append(p).append(": {type: string, description: \"field ").append(p)
                        .append(" of schema ").append(s).append("\"}\n");
            }
        }
        return b.toString();
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        TreeReader reader = new TreeReader(ReadLimits.defaults());
        List<String> lines = new ArrayList<>();
        String only = System.getProperty("shape"); // one shape per JVM: no heap left over from another
        for (Shape shape : shapes()) {
            if (only != null && !shape.name().equals(only)) {
                continue;
            }
            for (int i = 2; i < args.length; i++) {
                int mb = Integer.parseInt(args[i]);
                String text = shape.make().apply(mb * MB);
                for (int w = 0; w < 3; w++) {
                    read(reader, text); // warm-up
                }
                long[] times = new long[runs];
                for (int r = 0; r < runs; r++) {
                    long start = System.nanoTime();
                    read(reader, text);
                    times[r] = System.nanoTime() - start;
                }
                java.util.Arrays.sort(times);
                String line = String.format(Locale.ROOT, "%s\t%d\t%.1f\t%.1f\t%d", shape.name(), mb, times[0] / 1e6,
                        times[runs / 2] / 1e6, runs);
                System.out.println(line);
                lines.add(line);
            }
        }
        Files.write(out, lines, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private static void read(TreeReader reader, String text) {
        try {
            reader.parse(text, "bench.yaml");
        } catch (SpecException refused) {
            // refusing is reading too: the time to the refusal is what is measured
        }
    }
}
