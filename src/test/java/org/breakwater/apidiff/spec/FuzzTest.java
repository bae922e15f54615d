package org.breakwater.apidiff.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.breakwater.apidiff.ApiDiff;
import org.breakwater.apidiff.DiffOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deterministic mutation fuzzing of real descriptions: every mutant must either be read and
 * compared with the original, or be refused with a {@link SpecException}. Anything else (a
 * runtime exception, a stack overflow, running out of memory, a hang) fails the test with
 * the seed, the case number and the mutations, which reproduce it exactly.
 */
class FuzzTest {
    private static final long SEED = 0x0B2EA4_7A7E2L;
    /** Only a hang detector: a case normally takes milliseconds. */
    private static final Duration HANG = Duration.ofSeconds(20);
    private static final String TWILIO = "../shared/corpus/twilio/messaging_v1.1.20.0.json";

    private static final String[] INSERTS = {
        "{", "[", "}", "]", "&a ", "*a", "$ref: '#/x'", "\"$ref\": \"#/x\"", "<<: *a", "- ", ": ", "\n", "\t",
        "'", "\"", "# ", "\n---\n", "!!binary ", "? ", "%", "\\", "\u0000", "1e2147483647", "&a [*a]", ",", "~",
        "\n  x: &a {b: *a}\n", "{$ref: '#'}", "\uFEFF", "é", "default: 1e2147483647", "maximum: -1e2147483647",
        "multipleOf: 1e-2147483647", "enum: [1e2147483647, 0.1e-99999]", "nullable: true", "type: [string, 'null']",
    };
    private static final String[] VALUES = {
        "{}", "[]", "null", "true", "0", "-1", "1e2147483647", "\"x\"", "{$ref: '#/x'}", "{\"$ref\": \"#\"}",
        "[[[[[[", "*a", "&a {}", "''", "\"3.1.0\"", "[string, \"null\"]", "{type: [object, array]}", "99999999999999999999",
        "0x1F", ".nan", "-.inf", "\"#/components/schemas\"",
    };
    private static final String[] REF_TARGETS = {
        "#", "#/", "#/paths", "#/components", "#/definitions", "../x.yaml", "http://127.0.0.1:9/x",
        "schemas/package.yaml#/Nope", "schemas/package.yaml", "schemas/package.yaml#/PackageListing",
        "schemas/collection.yaml#/Collection/properties", "#/paths/~1collections/get", "%zz", "#/%", "",
        "/etc/passwd", "schemas", "#/info/title",
    };
    private static final Pattern VALUE = Pattern.compile("(?<=: )[^\\n,}\\]]+");
    private static final Pattern REF = Pattern.compile("(?<=\\$ref\"?:\\s{0,2}[\"']?)[^\"'\\n}]*");

    @TempDir
    Path dir;

    private final ApiDiff diff = new ApiDiff(DiffOptions.defaults());

    @Test
    void mutants_of_the_swagger_2_demo_description_are_read_or_refused_cleanly() throws Exception {
        Path folder = unpackDemo();
        Summary s = fuzz(folder.resolve("v1/pkgdb.yaml"), folder.resolve("v1/pkgdb.yaml"), 800, SEED);

        assertThat(s.read).as("some mutants must still read, or the comparison is never fuzzed").isGreaterThan(60);
    }

    @Test
    void mutants_of_the_multi_file_openapi_demo_description_are_read_or_refused_cleanly() throws Exception {
        Path folder = unpackDemo();
        Summary s = fuzz(folder.resolve("v2/openapi.yaml"), folder.resolve("v2/openapi.yaml"), 700, SEED + 1);

        assertThat(s.read).isGreaterThan(60);
    }

    @Test
    void mutants_of_a_referenced_schema_file_are_read_or_refused_cleanly() throws Exception {
        Path folder = unpackDemo();
        Summary s = fuzz(folder.resolve("v2/openapi.yaml"), folder.resolve("v2/schemas/package.yaml"), 400, SEED + 2);

        assertThat(s.read).isGreaterThan(20);
    }

    @Test
    void mutants_of_a_large_real_world_json_description_are_read_or_refused_cleanly() throws Exception {
        Path twilio = Path.of(System.getProperty("basedir", ".")).resolve(TWILIO).normalize();
        assumeTrue(Files.isRegularFile(twilio), "skipped: the shared corpus file " + twilio
                + " is not present on this machine (the demo descriptions are still fuzzed)");
        Path copy = Files.copy(twilio, Files.createDirectories(dir.resolve("twilio")).resolve("messaging.json"));

        Summary s = fuzz(copy, copy, 400, SEED + 3);

        assertThat(s.read).isGreaterThan(20);
    }

    /** How the cases of one run ended. */
    private static final class Summary {
        int read;
        int refused;
    }

    /**
     * Runs {@code cases} mutants of {@code mutated} (a file of the description whose main file
     * is {@code main}), comparing each with the unchanged description in both directions.
     */
    private Summary fuzz(Path main, Path mutated, int cases, long seed) throws Exception {
        byte[] original = Files.readAllBytes(mutated);
        ApiSpec originalSpec = diff.reader().read(main);
        Path mutantMain = copyBeside(main);
        Path mutant = mutantMain.resolveSibling(main.getParent().relativize(mutated).toString());
        Summary summary = new Summary();
        for (int i = 0; i < cases; i++) {
            Random random = new Random(seed * 1_000_003L + i);
            List<String> steps = new ArrayList<>();
            byte[] bytes = original;
            int n = 1 + random.nextInt(3);
            for (int m = 0; m < n; m++) {
                bytes = mutate(bytes, random, steps);
            }
            Files.write(mutant, bytes);
            String label = "seed " + seed + " case " + i + " of " + mutated.getFileName() + ": " + String.join(", ", steps);
            boolean oldSide = i % 2 == 0;
            Throwable failure = assertTimeoutPreemptively(HANG, () -> {
                try {
                    ApiSpec spec = diff.reader().read(mutantMain);
                    if (oldSide) {
                        diff.compare(spec, originalSpec);
                    } else {
                        diff.compare(originalSpec, spec);
                    }
                    summary.read++;
                } catch (SpecException e) {
                    assertThat(e.problem().toString()).as(label).doesNotContain("\n");
                    summary.refused++;
                } catch (Throwable e) {
                    return e;
                }
                return null;
            }, () -> "hang (over " + HANG.toSeconds() + " s): " + label);
            if (failure != null) {
                throw new AssertionError(failure + " in " + label, failure);
            }
        }
        System.out.printf("fuzzed %s: %d mutants, %d read and compared, %d refused with a problem%n",
                mutated.getFileName(), cases, summary.read, summary.refused);
        return summary;
    }

    /** A copy of the description's folder, so the mutants never touch the originals. */
    private Path copyBeside(Path main) throws IOException {
        Path folder = Files.createTempDirectory(dir, "mutants-");
        SpecReaderTest.copyTree(main.getParent(), folder);
        return folder.resolve(main.getFileName().toString());
    }

    private static byte[] mutate(byte[] in, Random r, List<String> steps) {
        int n = in.length;
        if (n == 0) {
            steps.add("insert into empty");
            return utf8(INSERTS[r.nextInt(INSERTS.length)]);
        }
        switch (r.nextInt(16)) {
            case 0 -> {
                int from = r.nextInt(n);
                int len = 1 + r.nextInt(Math.min(200, n - from));
                steps.add("delete bytes " + from + "+" + len);
                return concat(slice(in, 0, from), slice(in, from + len, n));
            }
            case 1 -> {
                int from = r.nextInt(n);
                int len = 1 + r.nextInt(Math.min(400, n - from));
                steps.add("duplicate bytes " + from + "+" + len);
                return concat(slice(in, 0, from + len), slice(in, from, n));
            }
            case 2 -> {
                int a = r.nextInt(n);
                int b = r.nextInt(n);
                int from = Math.min(a, b);
                int to = Math.max(a, b);
                int len = Math.min(1 + r.nextInt(100), (to - from) / 2);
                steps.add("swap bytes " + from + "+" + len + " with " + (to - len) + "+" + len);
                return concat(slice(in, 0, from), slice(in, to - len, to), slice(in, from + len, to - len),
                        slice(in, from, from + len), slice(in, to, n));
            }
            case 3 -> {
                int at = r.nextInt(n + 1);
                String token = INSERTS[r.nextInt(INSERTS.length)];
                steps.add("insert " + printable(token) + " at " + at);
                return concat(slice(in, 0, at), utf8(token), slice(in, at, n));
            }
            case 4 -> {
                int at = r.nextInt(n);
                steps.add("truncate at " + at);
                return slice(in, 0, at);
            }
            case 5 -> {
                int at = r.nextInt(n);
                byte b = (byte) r.nextInt(256);
                steps.add("set byte " + at + " to 0x" + Integer.toHexString(b & 0xFF));
                byte[] out = in.clone();
                out[at] = b;
                return out;
            }
            case 6, 7, 8, 9 -> {
                return mutateLines(new String(in, StandardCharsets.UTF_8), r, steps);
            }
            case 10, 11, 12, 13 -> {
                return replaceMatch(in, VALUE, VALUES, "value", r, steps);
            }
            case 14 -> {
                return replaceMatch(in, REF, REF_TARGETS, "$ref", r, steps);
            }
            default -> {
                List<String> lines = lines(in);
                int at = r.nextInt(lines.size() + 1);
                String token = INSERTS[r.nextInt(INSERTS.length)];
                String indent = at < lines.size() ? lines.get(at).replaceAll("^( *).*", "$1") : "";
                steps.add("insert line " + printable(indent + token) + " before line " + (at + 1));
                lines.add(at, indent + token);
                return utf8(String.join("\n", lines));
            }
        }
    }

    private static byte[] mutateLines(String text, Random r, List<String> steps) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int a = r.nextInt(lines.size());
        int b = r.nextInt(lines.size());
        switch (r.nextInt(4)) {
            case 0 -> {
                steps.add("delete line " + (a + 1));
                lines.remove(a);
            }
            case 1 -> {
                steps.add("duplicate line " + (a + 1));
                lines.add(a, lines.get(a));
            }
            case 2 -> {
                steps.add("swap lines " + (a + 1) + " and " + (b + 1));
                String t = lines.get(a);
                lines.set(a, lines.get(b));
                lines.set(b, t);
            }
            default -> {
                if (r.nextBoolean()) {
                    steps.add("indent line " + (a + 1));
                    lines.set(a, "  " + lines.get(a));
                } else {
                    steps.add("dedent line " + (a + 1));
                    lines.set(a, lines.get(a).replaceFirst("^ {1,2}", ""));
                }
            }
        }
        return utf8(String.join("\n", lines));
    }

    /** Replaces one random match of {@code pattern} (a value, a $ref target) with one of {@code choices}. */
    private static byte[] replaceMatch(byte[] in, Pattern pattern, String[] choices, String what, Random r,
                                       List<String> steps) {
        String text = new String(in, StandardCharsets.UTF_8);
        List<int[]> spans = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            steps.add("no " + what + " to change");
            return in;
        }
        int[] span = spans.get(r.nextInt(spans.size()));
        String choice = choices[r.nextInt(choices.length)];
        steps.add("change " + what + " " + printable(text.substring(span[0], span[1])) + " at " + span[0]
                + " to " + printable(choice));
        return utf8(text.substring(0, span[0]) + choice + text.substring(span[1]));
    }

    private static List<String> lines(byte[] in) {
        return new ArrayList<>(List.of(new String(in, StandardCharsets.UTF_8).split("\n", -1)));
    }

    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return Json.quote(cut);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] slice(byte[] in, int from, int to) {
        return java.util.Arrays.copyOfRange(in, from, Math.max(from, to));
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** The demo descriptions as the jar ships them, unpacked into the test's folder. */
    private Path unpackDemo() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("pkgdb"));
        for (String name : List.of("v1/pkgdb.yaml", "v2/openapi.yaml", "v2/schemas/package.yaml",
                "v2/schemas/collection.yaml")) {
            Path target = folder.resolve(name);
            Files.createDirectories(target.getParent());
            try (InputStream in = FuzzTest.class.getClassLoader().getResourceAsStream("demo/catalog/apis/pkgdb/" + name)) {
                assertThat(in).as("demo resource " + name).isNotNull();
                Files.copy(in, target);
            }
        }
        return folder;
    }
}
