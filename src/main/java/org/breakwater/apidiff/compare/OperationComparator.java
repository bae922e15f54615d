package org.breakwater.apidiff.compare;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.apidiff.rule.Rules;
import org.breakwater.apidiff.rule.Scope;
import org.breakwater.apidiff.spec.MediaType;
import org.breakwater.apidiff.spec.Operation;
import org.breakwater.apidiff.spec.Parameter;
import org.breakwater.apidiff.spec.ParameterLocation;
import org.breakwater.apidiff.spec.RequestBody;
import org.breakwater.apidiff.spec.Response;
import org.breakwater.apidiff.spec.Schema;

/** Compares one operation across versions: identity, deprecation, parameters and request body. */
final class OperationComparator {
    private final SchemaComparator schemas;
    private final ResponseComparator responses;
    private final Findings out;

    OperationComparator(SchemaComparator schemas, Findings out) {
        this.schemas = schemas;
        this.responses = new ResponseComparator(schemas, out);
        this.out = out;
    }

    void removed(Operation o, LocalDate today) {
        String label = o.label();
        if (!o.deprecated()) {
            out.add(Rules.ENDPOINT_REMOVED, label, o.source(), true, label + " removed without deprecation");
        } else if (o.sunset().isEmpty()) {
            out.add(Rules.ENDPOINT_REMOVED_AFTER_DEPRECATION, label, o.source(), true,
                    label + " removed; it was deprecated, with no sunset date");
        } else if (o.sunset().get().isAfter(today)) {
            out.add(Rules.ENDPOINT_REMOVED_BEFORE_SUNSET, label, o.source(), true,
                    label + " removed before its sunset date " + o.sunset().get());
        } else {
            out.add(Rules.ENDPOINT_REMOVED_AFTER_SUNSET, label, o.source(), true,
                    label + " removed after its sunset date " + o.sunset().get());
        }
    }

    void compare(Operation o, Operation n) {
        String op = n.label();
        if (!names(o.path()).equals(names(n.path()))) {
            out.add(Rules.PATH_PARAMETER_RENAMED, op, n.source(), false, "path " + o.path() + " → " + n.path());
        }
        if (o.operationId().isPresent() && n.operationId().isPresent() && !o.operationId().equals(n.operationId())) {
            out.add(Rules.OPERATION_ID_CHANGED, op, n.source(), false,
                    "operationId " + o.operationId().get() + " → " + n.operationId().get());
        } else if (o.operationId().isPresent() && n.operationId().isEmpty()) {
            out.add(Rules.OPERATION_ID_REMOVED, op, n.source(), false, "operationId " + o.operationId().get() + " removed");
        } else if (o.operationId().isEmpty() && n.operationId().isPresent()) {
            out.add(Rules.OPERATION_ID_ADDED, op, n.source(), false, "operationId " + n.operationId().get() + " added");
        }
        if (!o.deprecated() && n.deprecated()) {
            out.add(Rules.ENDPOINT_DEPRECATED, op, n.source(), false,
                    "deprecated" + n.sunset().map(d -> ", sunset " + d).orElse(""));
        } else if (o.deprecated() && !n.deprecated()) {
            out.add(Rules.ENDPOINT_REACTIVATED, op, n.source(), false, "no longer deprecated");
        } else if (o.sunset().isPresent() && n.sunset().isPresent() && n.sunset().get().isBefore(o.sunset().get())) {
            out.add(Rules.ENDPOINT_SUNSET_EARLIER, op, n.source(), false,
                    "sunset " + o.sunset().get() + " → " + n.sunset().get());
        }
        parameters(o, n, op);
        body(o.requestBody(), n.requestBody(), op, n);
        responses.compare(o, n, op);
    }

    private void parameters(Operation o, Operation n, String op) {
        Map<String, String> renamed = pathParameterNames(o.path(), n.path());
        Map<String, Parameter> after = new LinkedHashMap<>();
        for (Parameter p : n.parameters()) {
            after.put(p.in() + ":" + p.matchName(), p);
        }
        Map<String, Parameter> byNameOnly = new HashMap<>();
        n.parameters().forEach(p -> byNameOnly.putIfAbsent(p.name().toLowerCase(java.util.Locale.ROOT), p));
        for (Parameter p : o.parameters()) {
            String name = p.in() == ParameterLocation.PATH ? renamed.getOrDefault(p.name(), p.name()) : p.matchName();
            Parameter q = after.remove(p.in() + ":" + name);
            if (q != null) {
                compareParameter(p, q, op);
                continue;
            }
            Parameter moved = byNameOnly.get(p.name().toLowerCase(java.util.Locale.ROOT));
            if (moved != null && moved.in() != p.in() && after.containsValue(moved)) {
                after.values().remove(moved);
                out.add(Rules.PARAMETER_LOCATION_CHANGED, op, moved.source(), false,
                        "parameter `" + p.name() + "` moved from " + p.in().id() + " to " + moved.in().id());
                continue;
            }
            out.add(Rules.PARAMETER_REMOVED, op, p.source(), true, "parameter `" + p.name() + "` (" + p.in().id() + ") removed");
        }
        for (Parameter q : after.values()) {
            if (q.required()) {
                out.add(Rules.PARAMETER_REQUIRED_ADDED, op, q.source(), false,
                        "required parameter `" + q.name() + "` (" + q.in().id() + ") added");
            } else {
                out.add(Rules.PARAMETER_ADDED, op, q.source(), false, "optional parameter `" + q.name() + "` (" + q.in().id() + ") added");
            }
        }
    }

    /** Old path parameter name → new one, by position in the path template. */
    private static Map<String, String> pathParameterNames(String oldPath, String newPath) {
        List<String> a = names(oldPath);
        List<String> b = names(newPath);
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            m.put(a.get(i), b.get(i));
        }
        return m;
    }

    private static List<String> names(String path) {
        List<String> out = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}/]*)}").matcher(path);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private void compareParameter(Parameter p, Parameter q, String op) {
        String subject = "parameter `" + q.name() + "` (" + q.in().id() + ")";
        if (!p.required() && q.required()) {
            out.add(Rules.PARAMETER_BECAME_REQUIRED, op, q.source(), false, subject + " became required");
        } else if (p.required() && !q.required()) {
            out.add(Rules.PARAMETER_BECAME_OPTIONAL, op, q.source(), false, subject + " became optional");
        }
        boolean collection = serialisesCollections(schemas.resolveOld(p.schema()))
                || serialisesCollections(schemas.resolveNew(q.schema()));
        if (!p.style().equals(q.style()) && (q.in() == ParameterLocation.PATH || collection)) {
            out.add(Rules.PARAMETER_STYLE_CHANGED, op, q.source(), false, subject + ": style " + p.style() + " → " + q.style());
        }
        if (p.explode() != q.explode() && collection) {
            out.add(Rules.PARAMETER_EXPLODE_CHANGED, op, q.source(), false, subject + ": explode " + p.explode() + " → " + q.explode());
        }
        if (!p.allowEmptyValue() && q.allowEmptyValue()) {
            out.add(Rules.PARAMETER_ALLOW_EMPTY_VALUE_ADDED, op, q.source(), false,
                    subject + ": allowEmptyValue set (deprecated allowEmptyValue)");
        } else if (p.allowEmptyValue() && !q.allowEmptyValue()) {
            out.add(Rules.PARAMETER_ALLOW_EMPTY_VALUE_REMOVED, op, q.source(), false,
                    subject + " no longer allows an empty value");
        }
        if (!p.deprecated() && q.deprecated()) {
            out.add(Rules.schema(Scope.REQUEST_PARAMETER, org.breakwater.apidiff.rule.SchemaChange.DEPRECATED), op, q.source(), false, subject + " is now deprecated");
        }
        out.addAll(schemas.compare(p.schema(), q.schema(), Scope.REQUEST_PARAMETER), op, subject);
    }

    /**
     * explode, and every style but a path's label and matrix, only matter for arrays and
     * objects; for a plain value the spellings are the same. {@code s} is resolved; a schema
     * without a type (a composition, or one left open) may be either, so it counts as one.
     */
    private static boolean serialisesCollections(Schema s) {
        return s.isReference() || s.types().isEmpty() || s.types().contains("array") || s.types().contains("object");
    }

    private void body(Optional<RequestBody> ob, Optional<RequestBody> nb, String op, Operation n) {
        if (ob.isEmpty() && nb.isEmpty()) {
            return;
        }
        if (ob.isEmpty()) {
            RequestBody b = nb.get();
            out.add(b.required() ? Rules.BODY_REQUIRED_ADDED : Rules.BODY_ADDED, op, b.source(), false,
                    (b.required() ? "required" : "optional") + " request body added");
            return;
        }
        if (nb.isEmpty()) {
            out.add(Rules.BODY_REMOVED, op, ob.get().source(), true, "request body removed");
            return;
        }
        RequestBody o = ob.get();
        RequestBody b = nb.get();
        if (!o.required() && b.required()) {
            out.add(Rules.BODY_BECAME_REQUIRED, op, b.source(), false, "request body became required");
        } else if (o.required() && !b.required()) {
            out.add(Rules.BODY_BECAME_OPTIONAL, op, b.source(), false, "request body became optional");
        }
        for (Map.Entry<String, MediaType> e : o.content().entrySet()) {
            MediaType after = b.content().get(e.getKey());
            if (after == null) {
                out.add(Rules.BODY_MEDIA_TYPE_REMOVED, op, e.getValue().source(), true,
                        "request body media type " + e.getValue().name() + " removed");
                continue;
            }
            compareMedia(e.getValue(), after, Scope.REQUEST_PROPERTY, op, "request body (" + after.name() + ")");
        }
        for (Map.Entry<String, MediaType> e : b.content().entrySet()) {
            if (!o.content().containsKey(e.getKey())) {
                out.add(Rules.BODY_MEDIA_TYPE_ADDED, op, e.getValue().source(), false,
                        "request body media type " + e.getValue().name() + " added");
            }
        }
    }

    /**
     * A kept webhook: the API is the client there, so its request body is judged as subscribers
     * read it (like a response) and the bodies subscribers answer with as the API reads them
     * (like a request). Only bodies of media types and statuses on both sides are compared.
     * {@code what} names it in messages: "webhook", or "callback onData POST {$url}" for a callback.
     */
    void compareWebhook(Operation o, Operation n, String label, String what) {
        if (o.requestBody().isPresent() && n.requestBody().isPresent()) {
            sameMedia(o.requestBody().get().content(), n.requestBody().get().content(), Scope.WEBHOOK_REQUEST_PROPERTY,
                    label, what + " request body");
        }
        for (Map.Entry<String, Response> e : o.responses().entrySet()) {
            Response after = n.responses().get(e.getKey());
            if (after != null) {
                sameMedia(e.getValue().content(), after.content(), Scope.WEBHOOK_RESPONSE_PROPERTY, label,
                        what + " response " + after.status());
            }
        }
    }

    private void sameMedia(Map<String, MediaType> before, Map<String, MediaType> after, Scope scope, String op, String where) {
        for (Map.Entry<String, MediaType> e : before.entrySet()) {
            MediaType now = after.get(e.getKey());
            if (now != null) {
                compareMedia(e.getValue(), now, scope, op, where + " (" + now.name() + ")");
            }
        }
    }

    void compareMedia(MediaType before, MediaType after, Scope scope, String op, String where) {
        if (before.schema().isEmpty() && after.schema().isEmpty()) {
            return;
        }
        Schema o = before.schema().orElse(Schema.any(before.source()));
        Schema n = after.schema().orElse(Schema.any(after.source()));
        out.addAll(schemas.compare(o, n, scope), op, where);
    }
}
