package org.breakwater.apidiff.compare;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.breakwater.apidiff.rule.Rules;
import org.breakwater.apidiff.spec.ApiSpec;
import org.breakwater.apidiff.spec.Operation;
import org.breakwater.apidiff.spec.SecurityRequirement;
import org.breakwater.apidiff.spec.SecurityScheme;

/**
 * Security: an operation's requirement is a list of alternatives. A client that satisfied
 * an old alternative keeps working if some new alternative asks no more of it; otherwise the
 * change is breaking. Schemes are compared by name.
 */
final class SecurityComparator {
    private final ApiSpec oldSpec;
    private final ApiSpec newSpec;
    private final Findings out;

    SecurityComparator(ApiSpec oldSpec, ApiSpec newSpec, Findings out) {
        this.oldSpec = oldSpec;
        this.newSpec = newSpec;
        this.out = out;
    }

    void compare(Operation o, Operation n, String op) {
        List<SecurityRequirement> before = effective(o, oldSpec);
        List<SecurityRequirement> after = effective(n, newSpec);
        if (before.equals(after)) {
            return;
        }
        boolean relaxed = false;
        for (SecurityRequirement held : before) {
            boolean served = after.stream().anyMatch(r -> r.satisfiedBy(held));
            if (served) {
                relaxed |= !after.contains(held);
                continue;
            }
            boolean sameSchemes = after.stream().anyMatch(r -> r.schemes().keySet().equals(held.schemes().keySet()));
            if (sameSchemes) {
                out.add(Rules.SECURITY_SCOPE_ADDED, op, n.source(), false,
                        "clients authorised with " + held + " now need " + describe(after));
            } else {
                out.add(Rules.SECURITY_REQUIREMENT_ADDED, op, n.source(), false,
                        "clients authorised with " + held + " now need " + describe(after));
            }
            return;
        }
        if (relaxed || after.size() > before.size()) {
            out.add(Rules.SECURITY_REQUIREMENT_RELAXED, op, n.source(), false,
                    "security " + describe(before) + " → " + describe(after));
        }
    }

    /** The operation's own requirement, or the document's; none at all means anonymous. */
    private static List<SecurityRequirement> effective(Operation op, ApiSpec spec) {
        List<SecurityRequirement> r = op.security().orElse(spec.security());
        return r.isEmpty() ? List.of(new SecurityRequirement(Map.of())) : r;
    }

    private static String describe(List<SecurityRequirement> alternatives) {
        return alternatives.size() == 1 ? alternatives.get(0).toString() : "one of " + alternatives;
    }

    void compareSchemes() {
        for (Map.Entry<String, SecurityScheme> e : oldSpec.securitySchemes().entrySet()) {
            SecurityScheme o = e.getValue();
            SecurityScheme n = newSpec.securitySchemes().get(e.getKey());
            if (n == null) {
                out.add(Rules.SECURITY_SCHEME_REMOVED, "", o.source(), true, "security scheme " + o.name() + " removed");
                continue;
            }
            if (!o.type().equals(n.type()) || !o.in().equals(n.in()) || !o.parameterName().equals(n.parameterName())
                    || !o.scheme().equals(n.scheme()) || !n.flows().keySet().containsAll(o.flows().keySet())) {
                out.add(Rules.SECURITY_SCHEME_CHANGED, "", n.source(), false, "security scheme " + n.name() + ": "
                        + text(o) + " → " + text(n));
            } else if (!Objects.equals(o.tokenUrl(), n.tokenUrl())) {
                out.add(Rules.SECURITY_SCHEME_URL_CHANGED, "", n.source(), false, "security scheme " + n.name()
                        + ": URL " + o.tokenUrl().orElse("(none)") + " → " + n.tokenUrl().orElse("(none)"));
            }
        }
        for (Map.Entry<String, SecurityScheme> e : newSpec.securitySchemes().entrySet()) {
            if (!oldSpec.securitySchemes().containsKey(e.getKey())) {
                out.add(Rules.SECURITY_SCHEME_ADDED, "", e.getValue().source(), false, "security scheme " + e.getKey() + " added");
            }
        }
    }

    private static String text(SecurityScheme s) {
        StringBuilder b = new StringBuilder(s.type());
        s.scheme().ifPresent(x -> b.append(' ').append(x));
        s.in().ifPresent(x -> b.append(" in ").append(x));
        s.parameterName().ifPresent(x -> b.append(" named ").append(x));
        Set<String> flows = new TreeSet<>(s.flows().keySet());
        if (!flows.isEmpty()) {
            b.append(" flows ").append(flows);
        }
        return b.toString();
    }
}
