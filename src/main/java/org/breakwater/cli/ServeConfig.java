package org.breakwater.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.apidiff.spec.Node;
import org.breakwater.apidiff.spec.Problem;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.SpecException;
import org.breakwater.apidiff.spec.TreeReader;

/**
 * The configuration file of {@code serve} (docs/operations.md, "The configuration file"): each
 * setting names the option it stands for, and is used only where neither that option nor its
 * environment variable is given. Secrets are never written in the file, only where to find them
 * ({@code {env: NAME}} or {@code {file: PATH}}); they are read when the file is.
 *
 * @param options the options' values, by option name ({@code --port}), typed as the option is
 * @param secrets the secrets the file points to, read, by what they are (see {@link Secret})
 */
record ServeConfig(Map<String, Object> options, Map<Secret, String> secrets) {
    /** A configuration file is a page of YAML. */
    static final int MAX_BYTES = 256 * 1024;

    /** The secrets a file may point to, each with the environment variable that overrides it. */
    enum Secret {
        DATABASE_PASSWORD("database.password", "BREAKWATER_DB_URL"),
        SMTP_PASSWORD("mail.smtp.password", "BREAKWATER_SMTP_PASSWORD"),
        BUS_PASSWORD("bus.password", "BREAKWATER_BUS_URL"),
        OIDC_CLIENT_SECRET("oidc.clientSecret", "BREAKWATER_OIDC_CLIENT_SECRET");

        final String key;
        final String variable;

        Secret(String key, String variable) {
            this.key = key;
            this.variable = variable;
        }
    }

    /** The environment variables each option falls back to, where it has some: they win over the file. */
    static final Map<String, List<String>> VARIABLES = Map.of("--read", List.of("BREAKWATER_READ"),
            "--db", List.of("BREAKWATER_DB_URL"), "--data-dir", List.of("BREAKWATER_HOME"),
            "--from", List.of("BREAKWATER_MAIL_FROM"), "--templates", List.of("BREAKWATER_TEMPLATES"),
            "--smtp-host", List.of("BREAKWATER_SMTP_HOST"), "--bus-url", List.of("BREAKWATER_BUS_URL"),
            "--policy", List.of("BREAKWATER_POLICY"),
            "--secrets-key-file", List.of("BREAKWATER_SECRETS_KEY_FILE", "BREAKWATER_SECRETS_KEY"));

    /** Reads {@code file}; every problem is collected, each at its file:line:column. */
    static ServeConfig read(Path file, Map<String, String> env) throws ConfigException {
        String name = file.toString();
        String text = text(file, name);
        Node root;
        try {
            root = new TreeReader(ReadLimits.defaults().withMaxBytes(MAX_BYTES)).parse(text, name);
        } catch (SpecException e) {
            throw new ConfigException(List.of(e.problem()));
        }
        ServeConfigFields fields = new ServeConfigFields(name, text, env, file.toAbsolutePath().getParent());
        ServeConfig config = fields.read(root);
        if (!fields.problems().isEmpty()) {
            throw new ConfigException(fields.problems());
        }
        return config;
    }

    private static String text(Path file, String name) throws ConfigException {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw fail(name, "is a directory, not a configuration file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw fail(name, "is " + Files.size(file) + " bytes; a configuration file is at most " + MAX_BYTES);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw fail(name, "no such file");
        } catch (IOException e) {
            throw fail(name, "cannot be read: " + e.getMessage());
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw fail(name, "is not UTF-8 text");
        }
    }

    private static ConfigException fail(String name, String message) {
        return new ConfigException(List.of(Problem.inFile(name, message)));
    }

    /** The secret, if the file points to one. */
    Optional<String> secret(Secret s) {
        return Optional.ofNullable(secrets.get(s));
    }

    /** What is wrong with a configuration file: every problem, in the file's order. */
    static final class ConfigException extends Exception {
        private final List<Problem> problems;

        ConfigException(List<Problem> problems) {
            super(problems.isEmpty() ? "" : problems.get(0).toString());
            this.problems = List.copyOf(problems);
        }

        List<Problem> problems() {
            return problems;
        }
    }

    /** An empty configuration: what serve runs with without --config. */
    static ServeConfig none() {
        return new ServeConfig(new LinkedHashMap<>(), new LinkedHashMap<>());
    }
}
