package org.breakwater.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.breakwater.apidiff.spec.ArrayNode;
import org.breakwater.apidiff.spec.Node;
import org.breakwater.apidiff.spec.ObjectNode;
import org.breakwater.apidiff.spec.Problem;
import org.breakwater.apidiff.spec.ScalarNode;
import org.breakwater.text.Suggestions;
import org.breakwater.traffic.Cidr;

/** Walks a configuration file against {@link #SCHEMA}, collecting each problem at its place. */
final class ServeConfigFields {
    /** What a key holds. */
    enum Kind { TEXT, PATH, PORT, FLAG, LIST, PAIRS, DURATION, SECRET, SECTION }

    /** A key: what it holds, the option it stands for (or the section or secret it is), the values allowed. */
    record Key(Kind kind, String option, List<String> allowed) {
        static Key of(Kind kind, String option, String... allowed) {
            return new Key(kind, option, List.of(allowed));
        }
    }

    private static final Map<String, Map<String, Key>> SCHEMA = schema();
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(^[a-z][a-z0-9+.-]*://[^/@?#]*:[^/@?#]*@)"
            + "|([?&;](password|sslpassword)=)");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String file;
    private final String[] lines;
    private final Map<String, String> env;
    private final Path base;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Object> options = new LinkedHashMap<>();
    private final Map<ServeConfig.Secret, String> secrets = new LinkedHashMap<>();

    ServeConfigFields(String file, String text, Map<String, String> env, Path base) {
        this.file = file;
        this.lines = text.split("\r?\n|\r", -1);
        this.env = env;
        this.base = base;
    }

    private static Map<String, Map<String, Key>> schema() {
        Map<String, Map<String, Key>> s = new LinkedHashMap<>();
        s.put("", keys("server", Key.of(Kind.SECTION, "server"), "database", Key.of(Kind.SECTION, "database"),
                "mail", Key.of(Kind.SECTION, "mail"), "bus", Key.of(Kind.SECTION, "bus"),
                "oidc", Key.of(Kind.SECTION, "oidc"), "schedules", Key.of(Kind.SECTION, "schedules"),
                "logging", Key.of(Kind.SECTION, "logging"), "policy", Key.of(Kind.PATH, "--policy"),
                "suites", Key.of(Kind.SECTION, "suites")));
        s.put("server", keys("bind", Key.of(Kind.TEXT, "--bind"), "port", Key.of(Kind.PORT, "--port"),
                "read", Key.of(Kind.TEXT, "--read", "open", "login"), "publicUrl", Key.of(Kind.TEXT, "--public-url"),
                "secureCookies", Key.of(Kind.FLAG, "--secure-cookies"),
                "trustedProxies", Key.of(Kind.LIST, "--trusted-proxy")));
        s.put("database", keys("url", Key.of(Kind.TEXT, "--db"), "password", Key.of(Kind.SECRET, "DATABASE_PASSWORD"),
                "dataDir", Key.of(Kind.PATH, "--data-dir")));
        s.put("mail", keys("from", Key.of(Kind.TEXT, "--from"), "templates", Key.of(Kind.PATH, "--templates"),
                "dryRun", Key.of(Kind.PATH, "--mail-dry-run"), "smtp", Key.of(Kind.SECTION, "mail.smtp")));
        s.put("mail.smtp", keys("host", Key.of(Kind.TEXT, "--smtp-host"), "port", Key.of(Kind.PORT, "--smtp-port"),
                "security", Key.of(Kind.TEXT, "--smtp-security", "starttls", "tls", "none"),
                "user", Key.of(Kind.TEXT, "--smtp-user"), "password", Key.of(Kind.SECRET, "SMTP_PASSWORD")));
        s.put("bus", keys("url", Key.of(Kind.TEXT, "--bus-url"), "password", Key.of(Kind.SECRET, "BUS_PASSWORD"),
                "topicPrefix", Key.of(Kind.TEXT, "--bus-topic-prefix"),
                "environment", Key.of(Kind.TEXT, "--bus-environment")));
        s.put("oidc", keys("issuer", Key.of(Kind.TEXT, "--oidc-issuer"), "clientId", Key.of(Kind.TEXT, "--oidc-client-id"),
                "clientSecret", Key.of(Kind.SECRET, "OIDC_CLIENT_SECRET"),
                "groupsClaim", Key.of(Kind.TEXT, "--oidc-groups-claim"),
                "adminGroup", Key.of(Kind.TEXT, "--oidc-admin-group"), "teamGroups", Key.of(Kind.PAIRS, "--oidc-team-group")));
        s.put("suites", keys("secretsKeyFile", Key.of(Kind.PATH, "--secrets-key-file")));
        s.put("schedules", keys("outboxEvery", Key.of(Kind.DURATION, "--outbox-every")));
        s.put("logging", keys("level", Key.of(Kind.TEXT, "--log-level", "trace", "debug", "info", "warn", "error", "off"),
                "format", Key.of(Kind.TEXT, "--log-format", "text", "json")));
        return s;
    }

    /** The options the file can set. */
    static java.util.Set<String> options() {
        return SCHEMA.values().stream().flatMap(m -> m.values().stream())
                .filter(k -> k.kind() != Kind.SECTION && k.kind() != Kind.SECRET).map(Key::option)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    private static Map<String, Key> keys(Object... pairs) {
        Map<String, Key> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Key) pairs[i + 1]);
        }
        return m;
    }

    ServeConfig read(Node root) {
        if (!(root instanceof ObjectNode o)) {
            at(root, "a configuration file is a mapping of " + String.join(", ", SCHEMA.get("").keySet())
                    + "; this one is " + root.kindName());
        } else {
            section("", o);
        }
        return new ServeConfig(options, secrets);
    }

    List<Problem> problems() {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        return sorted;
    }

    private void section(String path, ObjectNode node) {
        Map<String, Key> known = SCHEMA.get(path);
        for (Map.Entry<String, Node> e : node.fields().entrySet()) {
            String name = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            Key key = known.get(e.getKey());
            if (key == null) {
                at(keyPlace(e.getKey(), e.getValue()), "unknown key '" + printable(e.getKey()) + "' in "
                        + (path.isEmpty() ? "the configuration" : path) + Suggestions.didYouMean(e.getKey(), known.keySet())
                        + " (known: " + String.join(", ", known.keySet()) + ")");
            } else if (!(e.getValue() instanceof ScalarNode s && s.kind() == ScalarNode.Kind.NULL)) {
                value(name, key, e.getValue());
            }
        }
    }

    private void value(String name, Key key, Node value) {
        switch (key.kind()) {
            case SECTION -> {
                if (value instanceof ObjectNode o) {
                    section(key.option(), o);
                } else {
                    at(value, name + " is a mapping of " + String.join(", ", SCHEMA.get(key.option()).keySet())
                            + ", not " + value.kindName());
                }
            }
            case SECRET -> secret(name, ServeConfig.Secret.valueOf(key.option()), value);
            case LIST -> list(name, key, value);
            case PAIRS -> pairs(name, key, value);
            default -> scalar(name, key, value);
        }
    }

    private void scalar(String name, Key key, Node value) {
        if (!(value instanceof ScalarNode s)) {
            at(value, name + " is a single value, not " + value.kindName());
            return;
        }
        String text = s.text().strip();
        switch (key.kind()) {
            case PORT -> port(name, key, s, text);
            case FLAG -> {
                if (s.kind() != ScalarNode.Kind.BOOLEAN) {
                    at(s, name + " is true or false, not '" + printable(s.text()) + "'");
                } else {
                    options.put(key.option(), Boolean.parseBoolean(text));
                }
            }
            case DURATION -> duration(name, key, s, text);
            case PATH -> options.put(key.option(), base.resolve(text));
            default -> text(name, key, s, text);
        }
    }

    private void text(String name, Key key, ScalarNode s, String text) {
        if (text.isEmpty()) {
            at(s, name + " is empty; leave the key out for the default");
        } else if (!key.allowed().isEmpty() && !key.allowed().contains(text)) {
            at(s, name + ": '" + printable(text) + "' is not one of " + String.join(", ", key.allowed())
                    + Suggestions.didYouMean(text, key.allowed()));
        } else if ((key.option().equals("--db") || key.option().equals("--bus-url")) && PASSWORD_IN_URL.matcher(text).find()) {
            at(s, name + " holds a password; a secret is never written in the file: leave it out of the URL and"
                    + " write " + name.replace(".url", ".password") + ": {env: NAME} or {file: PATH}");
        } else {
            options.put(key.option(), text);
        }
    }

    private void port(String name, Key key, ScalarNode s, String text) {
        if (s.kind() != ScalarNode.Kind.NUMBER || !text.matches("\\d{1,5}") || Integer.parseInt(text) > 65535) {
            at(s, name + " is a port, a whole number from 0 to 65535, not '" + printable(s.text()) + "'");
        } else {
            options.put(key.option(), Integer.parseInt(text));
        }
    }

    private void duration(String name, Key key, ScalarNode s, String text) {
        Optional<Duration> d = ServeConfigApply.Every.parse(text);
        if (d.isEmpty()) {
            at(s, name + ": '" + printable(s.text()) + "' is not a duration; write a whole number above 0 and s, m"
                    + " or h: 10s, 5m, 1h");
        } else {
            options.put(key.option(), d.get());
        }
    }

    private void list(String name, Key key, Node value) {
        if (!(value instanceof ArrayNode a)) {
            at(value, name + " is a list, not " + value.kindName());
            return;
        }
        List<String> items = new ArrayList<>();
        for (Node item : a.items()) {
            if (!(item instanceof ScalarNode s) || s.kind() != ScalarNode.Kind.STRING || Cidr.parse(s.text().strip()).isEmpty()) {
                at(item, name + ": each is an IP address or block such as 10.0.0.0/8"
                        + (item instanceof ScalarNode s ? ", not '" + printable(s.text()) + "'" : ""));
            } else {
                items.add(s.text().strip());
            }
        }
        options.put(key.option(), items);
    }

    private void pairs(String name, Key key, Node value) {
        if (!(value instanceof ObjectNode o)) {
            at(value, name + " is a mapping of GROUP: TEAM, not " + value.kindName());
            return;
        }
        LinkedHashMap<String, String> pairs = new LinkedHashMap<>();
        o.fields().forEach((k, v) -> {
            if (v instanceof ScalarNode s && s.kind() == ScalarNode.Kind.STRING && !s.text().isBlank()) {
                pairs.put(k, s.text().strip());
            } else {
                at(v, name + "." + printable(k) + " is a team's name");
            }
        });
        options.put(key.option(), pairs);
    }

    /** A secret: {@code {env: NAME}} or {@code {file: PATH}}, read now; never the secret itself. */
    private void secret(String name, ServeConfig.Secret which, Node value) {
        String form = "write " + name + ": {env: NAME} (an environment variable holds it) or {file: PATH} (a file"
                + " readable only by Breakwater holds it)";
        if (!(value instanceof ObjectNode o) || o.fields().size() != 1
                || !(o.has("env") || o.has("file")) || !(o.fields().values().iterator().next() instanceof ScalarNode s)) {
            at(value, name + ": a secret is never written in the file; " + form);
            return;
        }
        String ref = s.text().strip();
        if (o.has("env")) {
            if (!VARIABLE.matcher(ref).matches()) {
                at(s, name + ": '" + printable(ref) + "' is not an environment variable's name");
                return;
            }
            String v = env.get(ref);
            if (v == null || v.isEmpty()) {
                at(s, name + ": $" + ref + " is not set (or empty)");
                return;
            }
            secrets.put(which, v);
            return;
        }
        Path p = base.resolve(ref);
        try {
            String v = Files.readString(p, StandardCharsets.UTF_8).strip();
            if (v.isEmpty()) {
                at(s, name + ": " + p + " is empty");
            } else {
                secrets.put(which, v);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            at(s, name + ": cannot read " + p + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void at(Node node, String message) {
        problems.add(new Problem(file, node.line(), node.column(), message));
    }

    private void at(int[] place, String message) {
        problems.add(new Problem(file, place[0], place[1], message));
    }

    private int[] keyPlace(String key, Node value) {
        return org.breakwater.text.KeyPlaces.of(lines, key, value.line(), value.column());
    }

    private static String printable(String text) {
        return text.replaceAll("[\\p{Cntrl}\u2028\u2029]", "?");
    }
}
