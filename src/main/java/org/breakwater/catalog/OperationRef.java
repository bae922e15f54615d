package org.breakwater.catalog;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.breakwater.apidiff.spec.ApiSpec;
import org.breakwater.apidiff.spec.Operation;

/**
 * A provider operation as a consumer names it: by operationId ({@code getPackage}) or by
 * method and path ({@code GET /packages/{name}}). Once checked against the provider's API
 * description it carries both forms, so either finds it.
 *
 * @param text        as written
 * @param operationId the operationId, when written or resolved
 * @param key         method and path with parameter names erased ({@code GET /packages/{}}), when written or resolved
 */
public record OperationRef(String text, Optional<String> operationId, Optional<String> key) {
    private static final Pattern METHOD_PATH = Pattern.compile(
            "(?i)(get|put|post|delete|patch|head|options|trace)\\s+(/\\S*)");

    public OperationRef {
        Names.require(text, "operation");
        if (operationId.isEmpty() && key.isEmpty()) {
            throw new IllegalArgumentException("operation '" + text + "' has neither an operationId nor a method and path");
        }
    }

    /** Reads what a consumer wrote, without a description to resolve it against. */
    public static OperationRef parse(String text) {
        String t = text.strip();
        Matcher m = METHOD_PATH.matcher(t);
        if (m.matches()) {
            String method = m.group(1).toUpperCase(Locale.ROOT);
            return new OperationRef(method + " " + m.group(2), Optional.empty(),
                    Optional.of(method + " " + Operation.normalisePath(m.group(2))));
        }
        return new OperationRef(t, Optional.of(t), Optional.empty());
    }

    public boolean isMethodAndPath() {
        return operationId.isEmpty() || METHOD_PATH.matcher(text).matches();
    }

    /** The operation of {@code spec} this names, if any. */
    public Optional<Operation> find(ApiSpec spec) {
        for (Operation op : spec.operations().values()) {
            if (key.isPresent() ? op.key().equals(key.get()) : op.operationId().equals(operationId)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    /** Both forms filled in from the operation found in a description. */
    public OperationRef resolvedBy(Operation op) {
        return new OperationRef(text, op.operationId().or(() -> operationId), Optional.of(op.key()));
    }

    /** True when the two name the same operation as far as either can tell. */
    public boolean sameAs(OperationRef other) {
        return operationId.isPresent() && operationId.equals(other.operationId)
                || key.isPresent() && key.equals(other.key);
    }

    @Override
    public String toString() {
        return text;
    }
}
