package org.breakwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The systemd unit and the sample environment file in packaging/ cannot drift from the code. */
class PackagingTest {
    private static final Path UNIT = Path.of("packaging/breakwater.service");
    private static final Path SAMPLE = Path.of("packaging/breakwater.env.sample");
    /** An environment variable's name as the code reads it: a whole string literal, or picocli's ${env:NAME}. */
    private static final Pattern READ = Pattern.compile("\"(BREAKWATER_[A-Z_]+)\"|\\$\\{env:(BREAKWATER_[A-Z_]+)");
    private static final Pattern ASSIGNED = Pattern.compile("^#?\\s*(BREAKWATER_[A-Z_]+)=(.*)$");

    /** section -> key -> values (a key may repeat), from a unit file's lines; comments and blanks skipped. */
    static Map<String, Map<String, List<String>>> parseUnit(List<String> lines) {
        Map<String, Map<String, List<String>>> unit = new LinkedHashMap<>();
        String section = null;
        int n = 0;
        for (String line : lines) {
            n++;
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#") || s.startsWith(";")) {
                continue;
            }
            if (s.matches("\\[[A-Za-z]+\\]")) {
                section = s.substring(1, s.length() - 1);
                unit.putIfAbsent(section, new LinkedHashMap<>());
                continue;
            }
            int eq = s.indexOf('=');
            assertThat(section).as("line %d outside a section: %s", n, s).isNotNull();
            assertThat(eq).as("line %d is not KEY=VALUE: %s", n, s).isPositive();
            assertThat(s.substring(0, eq)).as("line %d", n).matches("[A-Za-z]+");
            unit.get(section).computeIfAbsent(s.substring(0, eq), k -> new java.util.ArrayList<>())
                    .add(s.substring(eq + 1));
        }
        return unit;
    }

    static Set<String> variablesTheCodeReads() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = READ.matcher(Files.readString(f));
                while (m.find()) {
                    names.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        return names;
    }

    static Map<String, String> sample() throws IOException {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String line : Files.readAllLines(SAMPLE)) {
            Matcher m = ASSIGNED.matcher(line.strip());
            if (m.matches()) {
                vars.putIfAbsent(m.group(1), m.group(2));
            }
        }
        return vars;
    }

    @Test
    void the_unit_parses_and_runs_serve_from_the_jar_as_a_hardened_dedicated_user() throws IOException {
        Map<String, Map<String, List<String>>> unit = parseUnit(Files.readAllLines(UNIT));
        assertThat(unit).containsOnlyKeys("Unit", "Service", "Install");
        Map<String, List<String>> service = unit.get("Service");

        assertThat(service.get("User")).containsExactly("breakwater");
        assertThat(service.get("EnvironmentFile")).contains("/etc/breakwater/breakwater.env");
        assertThat(service.get("ExecStart")).singleElement().asString()
                .startsWith("/usr/bin/java ").contains(" -jar /opt/breakwater/breakwater.jar serve ");
        assertThat(service.get("Restart")).containsExactly("on-failure");
        assertThat(service.get("NoNewPrivileges")).containsExactly("yes");
        assertThat(service.get("ProtectSystem")).containsExactly("strict");
        assertThat(service.get("PrivateTmp")).containsExactly("yes");
        assertThat(service.get("ReadWritePaths")).containsExactly(sample().get("BREAKWATER_HOME"));
        assertThat(service.get("ExecStart").get(0)).endsWith(" serve --config /etc/breakwater/breakwater.yaml");
        assertThat(Files.readString(ServeConfigTest.SAMPLE)).contains("\n  dataDir: " + sample().get("BREAKWATER_HOME") + " ");
        assertThat(unit.get("Install").get("WantedBy")).containsExactly("multi-user.target");
    }

    @Test
    void the_units_serve_options_are_options_serve_takes() throws IOException {
        String exec = parseUnit(Files.readAllLines(UNIT)).get("Service").get("ExecStart").get(0);
        String[] args = exec.substring(exec.indexOf(" serve ") + 1).split("\\s+");

        assertThat(Arrays.stream(args)).noneMatch(a -> a.contains("$"));
        var parsed = Main.commandLine().parseArgs(args);
        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("serve");
    }

    @Test
    void every_variable_in_the_sample_is_one_breakwater_reads_or_the_unit_uses() throws IOException {
        Set<String> read = variablesTheCodeReads();
        assertThat(read).contains("BREAKWATER_DB_URL", "BREAKWATER_HOME", "BREAKWATER_SMTP_PASSWORD");
        String exec = parseUnit(Files.readAllLines(UNIT)).get("Service").get("ExecStart").get(0);

        Set<String> unknown = sample().keySet().stream()
                .filter(v -> !read.contains(v) && !exec.contains("$" + v))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(unknown).as("named in %s but read by nothing", SAMPLE).isEmpty();
        assertThat(sample()).containsKeys("BREAKWATER_HOME", "BREAKWATER_DB_URL", "BREAKWATER_READ");
    }

    @Test
    void the_sample_holds_no_secret() throws IOException {
        assertThat(sample()).allSatisfy((name, value) -> {
            if (!name.endsWith("_FILE")) { // a file's name is not a secret
                assertThat(name).doesNotContain("PASSWORD").doesNotContain("SECRET");
            }
            assertThat(value).doesNotContainPattern("password=[^.]").doesNotContainPattern("//[^/@]*:[^/@]*@");
        });
    }

    @Test
    void every_variable_breakwater_reads_is_named_in_the_sample() throws IOException {
        String text = Files.readString(SAMPLE);

        assertThat(variablesTheCodeReads()).as("read by the code but not named in %s", SAMPLE)
                .allSatisfy(v -> assertThat(text).containsPattern("\\b" + v + "="));
        assertThat(sample()).containsKey("BREAKWATER_SECRETS_KEY_FILE");
    }
}
