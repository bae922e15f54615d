package org.breakwater.staging;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.breakwater.catalog.Outcome;
import org.breakwater.traffic.Cidr;
import org.breakwater.traffic.Usage;

/**
 * Which callers in the stored traffic counts are the tests whose coverage is measured: an
 * identify rule written {@code KIND:VALUE}, the kinds and values of the catalog's identify rules
 * (docs/catalog.md), plus two that name stored callers directly.
 * <ul>
 * <li>{@code consumer:NAME} — the calls the catalog's rules attributed to that consumer (a test
 *     suite named as a consumer: the way that works for every kind of rule);</li>
 * <li>{@code known} — every caller the catalog names;</li>
 * <li>{@code userAgent:REGEX}, {@code address:CIDR}, {@code host:REGEX} — callers no catalog rule
 *     named, by the user agent and address (or host name) they are stored with
 *     ({@code unknown (UA from ADDRESS)}).</li>
 * </ul>
 * {@code user:} and {@code header:} rules need the log line itself, which the counts do not
 * keep: they are refused, with the way to do it (a consumer with that rule).
 */
public record TestCallers(String rule, Kind kind, String value) {
    /** What the rule looks at. */
    public enum Kind {
        CONSUMER, KNOWN, USER_AGENT, ADDRESS, HOST
    }

    /** The rule as written, checked; a bad one is refused with the reason. */
    public static Outcome<TestCallers> parse(String rule) {
        String text = rule == null ? "" : rule.strip();
        if (text.equals("known")) {
            return Outcome.done(new TestCallers(text, Kind.KNOWN, ""));
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            return Outcome.refused("identify rule '" + text + "': expected KIND:VALUE (consumer:NAME, userAgent:REGEX,"
                    + " address:CIDR, host:REGEX) or 'known'");
        }
        String kind = text.substring(0, colon);
        String value = text.substring(colon + 1);
        switch (kind) {
            case "consumer":
                return Outcome.done(new TestCallers(text, Kind.CONSUMER, value));
            case "userAgent":
            case "host":
                try {
                    Pattern.compile(value);
                } catch (PatternSyntaxException e) {
                    return Outcome.refused("identify rule '" + text + "': not a regular expression: " + e.getDescription());
                }
                return Outcome.done(new TestCallers(text, kind.equals("host") ? Kind.HOST : Kind.USER_AGENT, value));
            case "address":
                return Cidr.parse(value).isPresent() ? Outcome.done(new TestCallers(text, Kind.ADDRESS, value))
                        : Outcome.refused("identify rule '" + text + "': '" + value + "' is not an address or a CIDR block");
            case "user":
            case "header":
                return Outcome.refused("identify rule '" + text + "': a " + kind + " rule needs the log line, which the"
                        + " traffic counts do not keep: give the suite a catalog consumer with that rule and use"
                        + " consumer:NAME");
            default:
                return Outcome.refused("identify rule '" + text + "': unknown kind '" + kind
                        + "' (consumer, known, userAgent, address, host)");
        }
    }

    /** Whether the stored caller of {@code usage} is one of these tests. */
    public boolean matches(Usage usage) {
        switch (kind) {
            case KNOWN:
                return usage.known();
            case CONSUMER:
                return usage.known() && usage.caller().equals(value);
            default:
                return !usage.known() && described(usage.caller()).map(this::matchesDescribed).orElse(false);
        }
    }

    private boolean matchesDescribed(String[] agentAndFrom) {
        switch (kind) {
            case USER_AGENT:
                return Pattern.compile(value).matcher(agentAndFrom[0]).find();
            case HOST:
                return Pattern.compile(value).matcher(agentAndFrom[1]).find();
            default:
                return Cidr.parse(value).orElseThrow().contains(agentAndFrom[1]);
        }
    }

    /** An unknown caller's stored description, {@code unknown (AGENT from ADDRESS)}, as [agent, address]. */
    static Optional<String[]> described(String caller) {
        if (!caller.startsWith("unknown (") || !caller.endsWith(")")) {
            return Optional.empty();
        }
        String inner = caller.substring("unknown (".length(), caller.length() - 1);
        int from = inner.lastIndexOf(" from ");
        return from < 0 ? Optional.empty()
                : Optional.of(new String[] {inner.substring(0, from), inner.substring(from + " from ".length())});
    }
}
