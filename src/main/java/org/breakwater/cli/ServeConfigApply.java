package org.breakwater.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Puts a configuration file's settings into serve's options. Precedence, highest first: the
 * option on the command line, its environment variable, the file, the option's default.
 */
final class ServeConfigApply {
    private ServeConfigApply() {
    }

    /** Sets each option the file gives that neither the command line nor the environment gave. */
    static void apply(ServeConfig config, CommandSpec spec, Map<String, String> env) {
        ParseResult parsed = spec.commandLine().getParseResult();
        config.options().forEach((option, value) -> {
            boolean inEnvironment = ServeConfig.VARIABLES.getOrDefault(option, List.of()).stream()
                    .anyMatch(v -> !env.getOrDefault(v, "").isBlank());
            if (parsed.hasMatchedOption(option) || inEnvironment) {
                return;
            }
            spec.findOption(option).setValue(withPassword(option, value, config));
        });
    }

    /** The database's or the bus's URL with the password the file points to, if it points to one. */
    private static Object withPassword(String option, Object value, ServeConfig config) {
        if (option.equals("--db")) {
            return config.secret(ServeConfig.Secret.DATABASE_PASSWORD).map(p -> value + (value.toString().contains("?")
                    ? "&" : "?") + "password=" + URLEncoder.encode(p, StandardCharsets.UTF_8)).orElse(value.toString());
        }
        if (option.equals("--bus-url")) {
            return config.secret(ServeConfig.Secret.BUS_PASSWORD).map(p -> userinfo(value.toString(), p))
                    .orElse(value.toString());
        }
        return value;
    }

    /** {@code amqps://user@host/...} with {@code :password} after the user, encoded. */
    private static String userinfo(String url, String password) {
        Matcher m = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)([^/@?#]*)@").matcher(url);
        String encoded = URLEncoder.encode(password, StandardCharsets.UTF_8).replace("+", "%20");
        return m.find() ? m.group(1) + m.group(2) + ":" + encoded + "@" + url.substring(m.end()) : url;
    }

    /** {@code --outbox-every}: a whole number of seconds, minutes or hours, above zero. */
    static final class Every implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return parse(value).orElseThrow(() -> new CommandLine.TypeConversionException("'" + value
                    + "' is not a duration: 10s, 5m, 1h"));
        }

        /** The duration written, if it is one. */
        static Optional<Duration> parse(String value) {
            Matcher m = Pattern.compile("(\\d{1,6})([smh])").matcher(value.strip());
            if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
                return Optional.empty();
            }
            long n = Long.parseLong(m.group(1));
            return Optional.of(m.group(2).equals("s") ? Duration.ofSeconds(n)
                    : m.group(2).equals("m") ? Duration.ofMinutes(n) : Duration.ofHours(n));
        }
    }
}
