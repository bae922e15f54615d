package org.breakwater.apidiff.compare;

import java.util.Map;
import org.breakwater.apidiff.rule.Rules;
import org.breakwater.apidiff.rule.Scope;
import org.breakwater.apidiff.spec.Header;
import org.breakwater.apidiff.spec.MediaType;
import org.breakwater.apidiff.spec.Operation;
import org.breakwater.apidiff.spec.Response;
import org.breakwater.apidiff.spec.Schema;

/** Compares the responses of one operation: status codes, media types, headers and body schemas. */
final class ResponseComparator {
    private final SchemaComparator schemas;
    private final Findings out;

    ResponseComparator(SchemaComparator schemas, Findings out) {
        this.schemas = schemas;
        this.out = out;
    }

    void compare(Operation o, Operation n, String op) {
        for (Map.Entry<String, Response> e : o.responses().entrySet()) {
            Response before = e.getValue();
            Response after = n.responses().get(e.getKey());
            if (after == null) {
                if (before.isSuccess()) {
                    out.add(Rules.SUCCESS_STATUS_REMOVED, op, before.source(), true, "response " + e.getKey() + " removed");
                } else {
                    out.add(Rules.NON_SUCCESS_STATUS_REMOVED, op, before.source(), true, "response " + e.getKey() + " removed");
                }
                continue;
            }
            compareResponse(before, after, op);
        }
        for (Map.Entry<String, Response> e : n.responses().entrySet()) {
            if (!o.responses().containsKey(e.getKey())) {
                Response r = e.getValue();
                out.add(r.isSuccess() ? Rules.SUCCESS_STATUS_ADDED : Rules.NON_SUCCESS_STATUS_ADDED, op, r.source(), false,
                        "response " + e.getKey() + " added");
            }
        }
    }

    private void compareResponse(Response before, Response after, String op) {
        String status = after.status();
        for (Map.Entry<String, MediaType> e : before.content().entrySet()) {
            MediaType now = after.content().get(e.getKey());
            if (now == null) {
                out.add(Rules.RESPONSE_MEDIA_TYPE_REMOVED, op, e.getValue().source(), true,
                        "response " + status + " media type " + e.getValue().name() + " removed");
                continue;
            }
            if (e.getValue().schema().isPresent() || now.schema().isPresent()) {
                Schema o = e.getValue().schema().orElse(Schema.any(e.getValue().source()));
                Schema n = now.schema().orElse(Schema.any(now.source()));
                out.addAll(schemas.compare(o, n, Scope.RESPONSE_PROPERTY), op, "response " + status + " (" + now.name() + ")");
            }
        }
        for (Map.Entry<String, MediaType> e : after.content().entrySet()) {
            if (!before.content().containsKey(e.getKey())) {
                out.add(Rules.RESPONSE_MEDIA_TYPE_ADDED, op, e.getValue().source(), false,
                        "response " + status + " media type " + e.getValue().name() + " added");
            }
        }
        for (Map.Entry<String, Header> e : before.headers().entrySet()) {
            Header h = e.getValue();
            Header now = after.headers().get(e.getKey());
            String subject = "response " + status + " header " + h.name();
            if (now == null) {
                out.add(h.required() ? Rules.RESPONSE_HEADER_REMOVED : Rules.RESPONSE_OPTIONAL_HEADER_REMOVED, op,
                        h.source(), true, subject + (h.required() ? " (required)" : "") + " removed");
                continue;
            }
            if (h.required() && !now.required()) {
                out.add(Rules.RESPONSE_HEADER_BECAME_OPTIONAL, op, now.source(), false, subject + " became optional");
            } else if (!h.required() && now.required()) {
                out.add(Rules.RESPONSE_HEADER_BECAME_REQUIRED, op, now.source(), false, subject + " became required");
            }
            out.addAll(schemas.compare(h.schema(), now.schema(), Scope.RESPONSE_HEADER), op, subject);
        }
        for (Map.Entry<String, Header> e : after.headers().entrySet()) {
            if (!before.headers().containsKey(e.getKey())) {
                out.add(Rules.RESPONSE_HEADER_ADDED, op, e.getValue().source(), false,
                        "response " + status + " header " + e.getValue().name() + " added");
            }
        }
    }
}
