package org.breakwater.apidiff.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.breakwater.apidiff.rule.OperationRules;
import org.breakwater.apidiff.spec.Link;
import org.breakwater.apidiff.spec.Operation;
import org.breakwater.apidiff.spec.Response;

/** Compares the links of the responses an operation keeps: removed, added, or leading elsewhere. */
final class LinkComparator {
    private final Findings out;

    LinkComparator(Findings out) {
        this.out = out;
    }

    void compare(Operation o, Operation n) {
        String op = n.label();
        for (Map.Entry<String, Response> r : o.responses().entrySet()) {
            Response after = n.responses().get(r.getKey());
            if (after == null) {
                continue;
            }
            String where = "response " + after.status() + " link ";
            Map<String, Link> before = r.getValue().links();
            for (Link l : before.values()) {
                Link now = after.links().get(l.name());
                if (now == null) {
                    out.add(OperationRules.RESPONSE_LINK_REMOVED, op, l.source(), true, where + l.name() + " removed");
                } else if (!differences(l, now).isEmpty()) {
                    out.add(OperationRules.RESPONSE_LINK_CHANGED, op, now.source(), false,
                            where + l.name() + ": " + String.join("; ", differences(l, now)));
                }
            }
            for (Link l : after.links().values()) {
                if (!before.containsKey(l.name())) {
                    out.add(OperationRules.RESPONSE_LINK_ADDED, op, l.source(), false, where + l.name() + " added");
                }
            }
        }
    }

    private static List<String> differences(Link a, Link b) {
        List<String> out = new ArrayList<>();
        if (!a.target().equals(b.target())) {
            out.add("leads to " + b.target() + " instead of " + a.target());
        }
        if (!a.parameters().equals(b.parameters())) {
            out.add("parameters " + a.parameters() + " → " + b.parameters());
        }
        if (!a.requestBody().equals(b.requestBody())) {
            out.add("request body " + a.requestBody().orElse("(none)") + " → " + b.requestBody().orElse("(none)"));
        }
        if (!a.server().equals(b.server())) {
            out.add("server " + a.server().orElse("(none)") + " → " + b.server().orElse("(none)"));
        }
        return out;
    }
}
