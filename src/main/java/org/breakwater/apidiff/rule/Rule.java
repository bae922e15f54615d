package org.breakwater.apidiff.rule;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One kind of change Breakwater detects. The id is stable: users put it in ignore files and
 * pipelines, so it is never renamed once released.
 *
 * @param explanation one line: what changed and why it does or does not hurt clients
 * @param example     a short old → new illustration
 */
public record Rule(String id, Level level, Direction direction, String explanation, String example) {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public Rule {
        Objects.requireNonNull(level);
        Objects.requireNonNull(direction);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id must be kebab-case: " + id);
        }
    }
}
