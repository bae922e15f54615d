package org.breakwater.catalog;

import java.util.Locale;
import java.util.Optional;

/**
 * How a consumer is recognised in a service's access logs (issue 7): by its user agent (a
 * regular expression), address or address block, host name (a regular expression on reverse
 * DNS), the authenticated user, or a header's value (an API key).
 *
 * @param header for {@link Kind#HEADER}: the header's name
 */
public record Identify(Kind kind, String value, Optional<String> header) {
    /** What a rule looks at; {@link #key()} is its name in the catalog files. */
    public enum Kind {
        USER_AGENT("userAgent"), ADDRESS("address"), HOST("host"), USER("user"), HEADER("header");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Optional<Kind> parse(String key) {
            for (Kind k : values()) {
                if (k.key.equals(key) || k.name().toLowerCase(Locale.ROOT).equals(key)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }
}
