package org.breakwater.apidiff.report;

import java.util.Objects;
import org.breakwater.apidiff.rule.Level;
import org.breakwater.apidiff.rule.Rule;
import org.breakwater.apidiff.spec.Source;

/**
 * One change between two versions of an API.
 *
 * @param operation the operation it concerns ("GET /packages"), empty for document-wide changes
 * @param source    where the change is written: in the new description, or in the old one
 *                  for something that was removed ({@code inOld})
 * @param message   what changed, in words a client's owner understands
 */
public record Finding(Rule rule, String operation, Source source, boolean inOld, String message) {
    public Finding {
        Objects.requireNonNull(rule);
        Objects.requireNonNull(operation);
        Objects.requireNonNull(source);
        Objects.requireNonNull(message);
    }

    public String id() {
        return rule.id();
    }

    public Level level() {
        return rule.level();
    }

    /** The JSON pointer of the change inside {@link Source#file()}. */
    public String location() {
        return source.pointer();
    }
}
