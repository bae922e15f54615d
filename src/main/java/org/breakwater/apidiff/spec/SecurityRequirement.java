package org.breakwater.apidiff.spec;

import java.util.Map;
import java.util.Set;

/**
 * One alternative of a security requirement: every named scheme, with its scopes, must be
 * satisfied together. An empty map means anonymous access is allowed.
 */
public record SecurityRequirement(Map<String, Set<String>> schemes) {
    public SecurityRequirement {
        java.util.Map<String, Set<String>> copy = new java.util.TreeMap<>();
        schemes.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
        schemes = java.util.Collections.unmodifiableMap(copy);
    }

    public boolean anonymous() {
        return schemes.isEmpty();
    }

    /** True when a client able to satisfy {@code other} can satisfy this one too. */
    public boolean satisfiedBy(SecurityRequirement other) {
        for (Map.Entry<String, Set<String>> e : schemes.entrySet()) {
            Set<String> held = other.schemes.get(e.getKey());
            if (held == null || !held.containsAll(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        if (schemes.isEmpty()) {
            return "anonymous";
        }
        StringBuilder b = new StringBuilder();
        schemes.forEach((k, v) -> {
            if (b.length() > 0) {
                b.append(" + ");
            }
            b.append(k);
            if (!v.isEmpty()) {
                b.append(new java.util.TreeSet<>(v));
            }
        });
        return b.toString();
    }
}
