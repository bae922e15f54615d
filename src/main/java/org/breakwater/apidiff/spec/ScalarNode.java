package org.breakwater.apidiff.spec;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A string, number, boolean or null. {@code text} is the value as written for strings and
 * a canonical form for the others, so two equal values compare equal whatever their spelling
 * ({@code 1}, {@code 1.0} and {@code 1e0} are one number).
 */
public record ScalarNode(Kind kind, String text, int line, int column) implements Node {
    private static final int MAX_DIGITS = 1000;

    public enum Kind {
        STRING("a string"), NUMBER("a number"), BOOLEAN("a boolean"), NULL("null");

        private final String article;

        Kind(String article) {
            this.article = article;
        }

        public String article() {
            return article;
        }
    }

    public ScalarNode {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(text);
    }

    /** Numbers keep the literal as written ({@code openapi: 3.0} must stay "3.0"). */
    public static ScalarNode number(String literal, int line, int column) {
        return new ScalarNode(Kind.NUMBER, literal, line, column);
    }

    /**
     * The numeric value, if this is a finite number of a sane size. Literals longer than
     * {@value #MAX_DIGITS} characters or with an exponent beyond ±{@value #MAX_DIGITS}
     * ({@code 1e999999999}) have none: printing or dividing them would take gigabytes.
     */
    public java.util.Optional<BigDecimal> decimal() {
        if (kind != Kind.NUMBER || text.length() > MAX_DIGITS) {
            return java.util.Optional.empty();
        }
        try {
            BigDecimal d = new BigDecimal(text);
            return Math.abs((long) d.scale()) > MAX_DIGITS ? java.util.Optional.empty() : java.util.Optional.of(d);
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public long weight() {
        return 1;
    }

    /** The value as JSON text: strings quoted and escaped, the rest as is. */
    public String json() {
        if (kind == Kind.STRING) {
            return Json.quote(text);
        }
        if (kind == Kind.NUMBER) {
            return decimal().map(d -> d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString()).orElse(text);
        }
        return text;
    }
}
