package org.breakwater.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Random;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code ./breakwater} launcher's start-up archive (a class-data-sharing archive before JDK
 * 24, an AOT cache from 24 on), run for real: a copy of the launcher beside a small jar of its
 * own, with the JDK under test first on the PATH. A stale, corrupt or foreign archive never
 * breaks a run: same output, exit 0, nothing on stderr.
 */
class LauncherTest {
    private static final Path LAUNCHER = Path.of("breakwater");

    static Stream<Arguments> jdks() {
        Path running = Path.of(System.getProperty("java.home"));
        Stream<Path> others;
        try (Stream<Path> all = Files.list(Path.of("/usr/lib/jvm"))) {
            others = all.filter(p -> Files.isRegularFile(p.resolve("release")) && feature(p) >= 24).toList().stream();
        } catch (IOException e) {
            others = Stream.empty();
        }
        return Stream.concat(Stream.of(running), others.limit(1))
                .map(home -> Arguments.of(feature(home) >= 24 ? ".aot" : ".jsa", home));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("jdks")
    void the_first_run_records_an_archive_and_a_corrupt_one_is_run_without(String suffix, Path jdk, @TempDir Path dir)
            throws Exception {
        install(dir, "first");

        assertThat(run(dir, jdk)).isEqualTo("first [diff, a, b]\n");
        Path archive = archive(dir, suffix);
        byte[] junk = new byte[64 * 1024];
        new Random(7).nextBytes(junk);
        Files.write(archive, junk);

        assertThat(run(dir, jdk)).isEqualTo("first [diff, a, b]\n");
        assertThat(Files.readAllBytes(archive)).as("newer than the jar: kept, and ignored by the JVM").isEqualTo(junk);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("jdks")
    void an_archive_of_another_jar_is_remade_even_when_that_jar_has_the_same_size_and_an_older_date(String suffix,
            Path jdk, @TempDir Path dir) throws Exception {
        install(dir, "first");
        run(dir, jdk);
        Path archive = archive(dir, suffix);
        FileTime recorded = Files.getLastModifiedTime(archive);
        Path jar = dir.resolve("target/breakwater.jar");
        long size = Files.size(jar);

        install(dir, "other"); // same length as "first": a jar of the same size, dated before the archive
        Files.setLastModifiedTime(jar, FileTime.fromMillis(recorded.toMillis() - 60_000));
        assertThat(Files.size(jar)).isEqualTo(size);

        assertThat(run(dir, jdk)).isEqualTo("other [diff, a, b]\n");
        assertThat(Files.getLastModifiedTime(archive)).as("remade from the other jar").isNotEqualTo(recorded);
    }

    /** Runs the launcher copy with {@code diff a b}: its stdout; exit 0 and an empty stderr checked. */
    private static String run(Path dir, Path jdk) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", dir.resolve("breakwater").toString(), "diff", "a", "b");
        pb.environment().put("PATH", jdk.resolve("bin") + ":/usr/bin:/bin");
        pb.environment().remove("BREAKWATER_JAVA_OPTS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Path err = dir.resolve("err.txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(Files.readString(err)).isZero();
        assertThat(Files.readString(err)).isEmpty();
        return out;
    }

    private static Path archive(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("target"))) {
            List<Path> archives = files.filter(f -> f.toString().endsWith(suffix)).toList();
            assertThat(archives).as("the archive the first run recorded").hasSize(1);
            return archives.get(0);
        }
    }

    /** The launcher and a jar whose main prints {@code word} and its arguments (no sources beside it: no build). */
    private static void install(Path dir, String word) throws IOException {
        Files.createDirectories(dir.resolve("target"));
        Files.copy(LAUNCHER, dir.resolve("breakwater"), StandardCopyOption.REPLACE_EXISTING);
        Path src = Files.createDirectories(dir.resolve("hello-src"));
        Files.writeString(src.resolve("Hello.java"), "public class Hello { public static void main(String[] a) {"
                + " System.out.println(\"" + word + " \" + java.util.Arrays.asList(a)); } }");
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17", "-d", src.toString(),
                src.resolve("Hello.java").toString());
        assertThat(rc).isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Hello");
        try (OutputStream file = Files.newOutputStream(dir.resolve("target/breakwater.jar"));
                JarOutputStream jar = new JarOutputStream(file, manifest)) {
            jar.putNextEntry(new JarEntry("Hello.class"));
            jar.write(Files.readAllBytes(src.resolve("Hello.class")));
            jar.closeEntry();
        }
    }

    private static int feature(Path jdkHome) {
        try {
            String release = Files.readString(jdkHome.resolve("release"));
            var m = java.util.regex.Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(release);
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
