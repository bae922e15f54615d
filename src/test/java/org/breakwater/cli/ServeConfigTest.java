package org.breakwater.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.breakwater.apidiff.spec.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.CommandSpec;

/** serve's configuration file: read, refused at file:line:column, secrets only by reference, and its precedence. */
class ServeConfigTest {
    static final Path SAMPLE = Path.of("packaging/breakwater.yaml.sample");

    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        Path f = dir.resolve("breakwater.yaml");
        Files.writeString(f, text);
        return f;
    }

    private List<String> problems(String text, Map<String, String> env) throws Exception {
        Path f = write(text);
        try {
            ServeConfig.read(f, env);
        } catch (ServeConfig.ConfigException e) {
            return e.problems().stream().map(Problem::toString).map(s -> s.replace(f.toString(), "F")).toList();
        }
        return List.of();
    }

    @Test
    void an_unknown_key_is_refused_where_it_is_written_with_the_key_meant() throws Exception {
        assertThat(problems("server:\n  port: 8080\n  pubicUrl: https://bw.example.org\nloging:\n  level: info\n", Map.of()))
                .containsExactly("F:3:3: unknown key 'pubicUrl' in server; did you mean 'publicUrl'? (known: bind, port,"
                                + " read, publicUrl, secureCookies, trustedProxies)",
                        "F:4:1: unknown key 'loging' in the configuration; did you mean 'logging'? (known: server, database,"
                                + " mail, bus, oidc, schedules, logging, policy, suites)");
    }

    @Test
    void a_literal_password_is_refused_and_so_is_a_password_inside_a_url() throws Exception {
        List<String> found = problems("database:\n  url: jdbc:postgresql://db/bw?user=bw&password=hunter2\n"
                + "mail:\n  smtp:\n    host: smtp.example.org\n    password: hunter2\n"
                + "bus:\n  url: amqps://bw:hunter2@bus.example.org/\n", Map.of());
        assertThat(found).hasSize(3);
        assertThat(found.get(0)).startsWith("F:2:8: database.url holds a password; a secret is never written in the file");
        assertThat(found.get(1)).startsWith("F:6:15: mail.smtp.password: a secret is never written in the file;"
                + " write mail.smtp.password: {env: NAME}");
        assertThat(found.get(2)).startsWith("F:8:8: bus.url holds a password");
        assertThat(String.join("\n", found)).doesNotContain("hunter2");
    }

    @Test
    void wrong_values_are_refused_each_at_its_place() throws Exception {
        assertThat(problems("server:\n  port: eighty\n  read: everyone\n  secureCookies: yes please\n"
                + "  trustedProxies: [10.0.0.0/8, proxy.example.org]\nschedules:\n  outboxEvery: 0s\n"
                + "logging:\n  format: jsno\noidc:\n  clientSecret: {env: NOT_SET_HERE}\n", Map.of()))
                .containsExactly("F:2:9: server.port is a port, a whole number from 0 to 65535, not 'eighty'",
                        "F:3:9: server.read: 'everyone' is not one of open, login",
                        "F:4:18: server.secureCookies is true or false, not 'yes please'",
                        "F:5:32: server.trustedProxies: each is an IP address or block such as 10.0.0.0/8, not"
                                + " 'proxy.example.org'",
                        "F:7:16: schedules.outboxEvery: '0s' is not a duration; write a whole number above 0 and s, m"
                                + " or h: 10s, 5m, 1h",
                        "F:9:11: logging.format: 'jsno' is not one of text, json; did you mean 'json'?",
                        "F:11:23: oidc.clientSecret: $NOT_SET_HERE is not set (or empty)");
    }

    @Test
    void a_file_that_is_not_yaml_or_not_there_is_refused_with_its_name() throws Exception {
        assertThat(problems("server: [\n", Map.of()).get(0)).startsWith("F:");
        assertThatThrownBy(() -> ServeConfig.read(dir.resolve("missing.yaml"), Map.of()))
                .hasMessageEndingWith("missing.yaml: no such file");
    }

    @Test
    void secrets_come_from_the_environment_or_a_file_and_go_into_the_database_and_bus_urls() throws Exception {
        Files.writeString(dir.resolve("smtp-password"), "s3cret smtp\n");
        ServeConfig c = ServeConfig.read(write("database:\n  url: jdbc:postgresql://db/bw?user=bw\n"
                + "  password: {env: DB_PW}\nmail:\n  smtp:\n    host: smtp.example.org\n    user: bw\n"
                + "    password: {file: smtp-password}\nbus:\n  url: amqps://bw@bus.example.org/%2F\n"
                + "  password: {env: BUS_PW}\n"), Map.of("DB_PW", "p&w d", "BUS_PW", "b:p@"));
        assertThat(c.secret(ServeConfig.Secret.SMTP_PASSWORD)).contains("s3cret smtp");
        CommandSpec serve = parse();
        ServeConfigApply.apply(c, serve, Map.of());
        assertThat((String) serve.findOption("--db").getValue()).isEqualTo("jdbc:postgresql://db/bw?user=bw&password=p%26w+d");
        assertThat((String) serve.findOption("--bus-url").getValue()).isEqualTo("amqps://bw:b%3Ap%40@bus.example.org/%2F");
    }

    @Test
    void an_option_on_the_command_line_or_its_environment_variable_wins_over_the_file() throws Exception {
        ServeConfig c = ServeConfig.read(write("server:\n  port: 9000\n  bind: 0.0.0.0\n  read: login\n"
                + "schedules:\n  outboxEvery: 2m\ndatabase:\n  dataDir: store\n"), Map.of());
        CommandSpec serve = parse("--port", "7000");
        ServeConfigApply.apply(c, serve, Map.of("BREAKWATER_READ", "open"));
        assertThat((Integer) serve.findOption("--port").getValue()).isEqualTo(7000);
        assertThat((String) serve.findOption("--bind").getValue()).isEqualTo("0.0.0.0");
        assertThat((String) serve.findOption("--read").getValue()).isEqualTo("open");
        assertThat((Duration) serve.findOption("--outbox-every").getValue()).isEqualTo(Duration.ofMinutes(2));
        assertThat((Path) serve.findOption("--data-dir").getValue()).isEqualTo(dir.resolve("store"));

        ServeConfig suites = ServeConfig.read(write("suites:\n  secretsKeyFile: secrets.key\n"), Map.of());
        CommandSpec keyed = parse();
        ServeConfigApply.apply(suites, keyed, Map.of("BREAKWATER_SECRETS_KEY", "a key"));
        assertThat((Path) keyed.findOption("--secrets-key-file").getValue()).as("the key in the environment wins").isNull();
        CommandSpec unkeyed = parse();
        ServeConfigApply.apply(suites, unkeyed, Map.of());
        assertThat((Path) unkeyed.findOption("--secrets-key-file").getValue()).isEqualTo(dir.resolve("secrets.key"));
    }

    @Test
    void the_sample_reads_as_shipped_and_with_every_setting_uncommented() throws Exception {
        assertThat(problems(Files.readString(SAMPLE), Map.of())).isEmpty();
        Files.writeString(dir.resolve("smtp-password"), "x");
        String all = Files.readString(SAMPLE).replaceAll("(?m)^(\\s*)#(?=\\S|  \\S)", "$1")
                .replace("/etc/breakwater/smtp-password", "smtp-password");
        assertThat(all).contains("\n    host: smtp.example.org").contains("\n  issuer: https://id.example.org");
        assertThat(problems(all, Map.of("BREAKWATER_DB_PASSWORD", "x", "BREAKWATER_BUS_PASSWORD", "x",
                "BREAKWATER_OIDC_CLIENT_SECRET", "x"))).isEmpty();
    }

    @Test
    void serve_refuses_a_bad_file_with_every_problem_and_exit_code_2() throws Exception {
        Path f = write("server:\n  prot: 1\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"serve", "--config", f.toString(), "--data-dir", dir.toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("breakwater serve: " + f + ":2:3: unknown key 'prot' in server; did you mean"
                + " 'port'?").doesNotContain("Exception");
        assertThat(dir.resolve("breakwater.db")).doesNotExist();
    }

    @Test
    void every_option_of_serve_has_a_key_in_the_file() {
        java.util.Set<String> options = new java.util.TreeSet<>();
        Main.commandLine().getSubcommands().get("serve").getCommandSpec().options().stream()
                .map(o -> o.longestName()).filter(n -> !List.of("--help", "--version", "--config").contains(n))
                .forEach(options::add);
        assertThat(ServeConfigFields.options()).isEqualTo(options);
    }

    private static CommandSpec parse(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "serve";
        System.arraycopy(args, 0, all, 1, args.length);
        return Main.commandLine().parseArgs(all).subcommand().commandSpec();
    }
}
