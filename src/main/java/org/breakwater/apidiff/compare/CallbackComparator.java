package org.breakwater.apidiff.compare;

import java.util.LinkedHashMap;
import java.util.Map;
import org.breakwater.apidiff.rule.OperationRules;
import org.breakwater.apidiff.rule.Scope;
import org.breakwater.apidiff.spec.Header;
import org.breakwater.apidiff.spec.Operation;
import org.breakwater.apidiff.spec.Parameter;
import org.breakwater.apidiff.spec.Response;

/**
 * Webhooks and callbacks: requests the API sends and its subscribers answer, so compared
 * with the roles turned round. The parameters the API sends are judged as subscribers read
 * them (like a response), the headers of their answer as the API reads them (like a request);
 * bodies are {@link OperationComparator#compareWebhook}'s.
 */
final class CallbackComparator {
    private final OperationComparator operations;
    private final SchemaComparator schemas;
    private final Findings out;

    CallbackComparator(OperationComparator operations, SchemaComparator schemas, Findings out) {
        this.operations = operations;
        this.schemas = schemas;
        this.out = out;
    }

    /** The callbacks of an operation kept in both versions: removed, added, and each kept one compared. */
    void compareCallbacks(Operation o, Operation n) {
        String op = n.label();
        for (Map.Entry<String, Operation> e : o.callbacks().entrySet()) {
            Operation after = n.callbacks().get(e.getKey());
            if (after == null) {
                out.add(OperationRules.CALLBACK_REMOVED, op, e.getValue().source(), true, "callback " + e.getKey() + " removed");
            } else {
                compareReversed(e.getValue(), after, op, "callback " + e.getKey());
            }
        }
        for (Map.Entry<String, Operation> e : n.callbacks().entrySet()) {
            if (!o.callbacks().containsKey(e.getKey())) {
                out.add(OperationRules.CALLBACK_ADDED, op, e.getValue().source(), false, "callback " + e.getKey() + " added");
            }
        }
    }

    /** A webhook or callback kept in both versions; {@code what} names it in messages ("webhook", "callback onData …"). */
    void compareReversed(Operation o, Operation n, String op, String what) {
        operations.compareWebhook(o, n, op, what);
        parameters(o, n, op, what);
        for (Map.Entry<String, Response> e : o.responses().entrySet()) {
            Response after = n.responses().get(e.getKey());
            if (after != null) {
                headers(e.getValue(), after, op, what + " response " + after.status());
            }
        }
    }

    private void parameters(Operation o, Operation n, String op, String what) {
        Map<String, Parameter> after = new LinkedHashMap<>();
        n.parameters().forEach(p -> after.put(p.in() + ":" + p.matchName(), p));
        for (Parameter p : o.parameters()) {
            Parameter q = after.remove(p.in() + ":" + p.matchName());
            String subject = what + " parameter `" + p.name() + "` (" + p.in().id() + ")";
            if (q == null) {
                out.add(OperationRules.WEBHOOK_PARAMETER_REMOVED, op, p.source(), true, subject + " removed");
                continue;
            }
            if (p.required() && !q.required()) {
                out.add(OperationRules.WEBHOOK_PARAMETER_BECAME_OPTIONAL, op, q.source(), false, subject + " became optional");
            } else if (!p.required() && q.required()) {
                out.add(OperationRules.WEBHOOK_PARAMETER_BECAME_REQUIRED, op, q.source(), false, subject + " became required");
            }
            out.addAll(schemas.compare(p.schema(), q.schema(), Scope.WEBHOOK_REQUEST_PROPERTY), op, subject);
        }
        for (Parameter q : after.values()) {
            out.add(OperationRules.WEBHOOK_PARAMETER_ADDED, op, q.source(), false,
                    what + " parameter `" + q.name() + "` (" + q.in().id() + ") added");
        }
    }

    private void headers(Response before, Response after, String op, String where) {
        for (Map.Entry<String, Header> e : before.headers().entrySet()) {
            Header h = e.getValue();
            Header now = after.headers().get(e.getKey());
            String subject = where + " header " + h.name();
            if (now == null) {
                out.add(OperationRules.WEBHOOK_RESPONSE_HEADER_REMOVED, op, h.source(), true, subject + " removed");
                continue;
            }
            if (!h.required() && now.required()) {
                out.add(OperationRules.WEBHOOK_RESPONSE_HEADER_BECAME_REQUIRED, op, now.source(), false, subject + " became required");
            } else if (h.required() && !now.required()) {
                out.add(OperationRules.WEBHOOK_RESPONSE_HEADER_BECAME_OPTIONAL, op, now.source(), false, subject + " became optional");
            }
            out.addAll(schemas.compare(h.schema(), now.schema(), Scope.WEBHOOK_RESPONSE_PROPERTY), op, subject);
        }
        for (Map.Entry<String, Header> e : after.headers().entrySet()) {
            if (!before.headers().containsKey(e.getKey())) {
                Header h = e.getValue();
                out.add(h.required() ? OperationRules.WEBHOOK_RESPONSE_HEADER_REQUIRED_ADDED
                        : OperationRules.WEBHOOK_RESPONSE_HEADER_ADDED, op, h.source(), false,
                        where + " header " + h.name() + (h.required() ? " (required)" : "") + " added");
            }
        }
    }
}
