package org.breakwater.staging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** What makes a suite registrable; every problem is one sentence naming the field. */
public final class SuiteRules {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,99}");
    static final int MAX_COMMAND = 4000;
    static final int MAX_ENV = 100;

    private SuiteRules() {
    }

    /** Every problem of {@code s}; {@code knownService} says whether the catalog has a service. */
    public static List<String> problems(StagingSuite s, Predicate<String> knownService) {
        List<String> out = new ArrayList<>();
        if (!NAME.matcher(s.name()).matches()) {
            out.add("suite name '" + s.name() + "': letters, digits, '.', '_' and '-', starting with a letter or digit,"
                    + " at most 100");
        }
        if (s.services().isEmpty()) {
            out.add("suite " + s.name() + " covers no service: name at least one (services)");
        }
        s.services().stream().filter(v -> !knownService.test(v))
                .forEach(v -> out.add("suite " + s.name() + ": no service '" + v + "' in the catalog"));
        if (s.command().isBlank()) {
            out.add("suite " + s.name() + " has no command");
        } else if (s.command().length() > MAX_COMMAND || s.command().indexOf('\0') >= 0) {
            out.add("suite " + s.name() + ": the command is longer than " + MAX_COMMAND + " characters or holds a NUL");
        }
        if (s.results().isBlank()) {
            out.add("suite " + s.name() + " names no results (the JUnit XML it writes, e.g. 'reports/*.xml')");
        }
        if (s.timeout().compareTo(Duration.ofSeconds(1)) < 0 || s.timeout().compareTo(StagingSuite.MAX_TIMEOUT) > 0) {
            out.add("suite " + s.name() + ": timeout " + s.timeout().toSeconds() + " s is not between 1 s and 24 h");
        }
        if (s.env().size() > MAX_ENV) {
            out.add("suite " + s.name() + ": more than " + MAX_ENV + " environment variables");
        }
        for (Map.Entry<String, String> e : s.env().entrySet()) {
            if (!ENV_NAME.matcher(e.getKey()).matches()) {
                out.add("suite " + s.name() + ": '" + e.getKey() + "' is not an environment variable name");
            }
            if (e.getValue().indexOf('\0') >= 0) {
                out.add("suite " + s.name() + ": the value of " + e.getKey() + " holds a NUL");
            }
        }
        SuiteSchedule.problem(s.cron()).ifPresent(p -> out.add("suite " + s.name() + ": " + p));
        identifyProblem(s.identify()).ifPresent(p -> out.add("suite " + s.name() + ": " + p));
        return out;
    }

    /** Why {@code rule} cannot be a suite's identify rule, if it cannot (empty: no rule, fine). */
    public static java.util.Optional<String> identifyProblem(String rule) {
        if (rule.isEmpty()) {
            return java.util.Optional.empty();
        }
        return TestCallers.parse(rule) instanceof org.breakwater.catalog.Outcome.Refused<TestCallers> r
                ? java.util.Optional.of(r.reason()) : java.util.Optional.empty();
    }

    /** Why {@code name} cannot name a secret, if it cannot. */
    public static java.util.Optional<String> secretNameProblem(String name) {
        return ENV_NAME.matcher(name).matches() ? java.util.Optional.empty()
                : java.util.Optional.of("'" + name + "' cannot name a secret: it becomes an environment variable"
                + " (letters, digits and '_', not starting with a digit)");
    }
}
