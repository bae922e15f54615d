package org.breakwater.traffic;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One way to recognise a consumer in an access log: its user agent (a regular expression,
 * searched), its address (a CIDR block), its host name (a regular expression on the reverse
 * DNS name), the authenticated user field, or a header's value (an API key, exact).
 */
public record CallerRule(String consumer, Kind kind, String value, Optional<String> header) {
    /** What a rule looks at. */
    public enum Kind {
        USER_AGENT, ADDRESS, HOST, USER, HEADER
    }

    /** Checks the rule: a bad pattern or block is refused with the reason. */
    public CallerRule {
        if (consumer == null || consumer.isBlank()) {
            throw new IllegalArgumentException("a caller rule names its consumer");
        }
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(consumer + ": a " + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " rule needs a value");
        }
        if (kind == Kind.ADDRESS && Cidr.parse(value).isEmpty()) {
            throw new IllegalArgumentException(consumer + ": '" + value + "' is not an address or a CIDR block");
        }
        if (kind == Kind.USER_AGENT || kind == Kind.HOST) {
            try {
                Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(consumer + ": '" + value + "' is not a regular expression: "
                        + e.getDescription());
            }
        }
        if (kind == Kind.HEADER && header.filter(h -> !h.isBlank()).isEmpty()) {
            throw new IllegalArgumentException(consumer + ": a header rule names the header");
        }
    }
}
