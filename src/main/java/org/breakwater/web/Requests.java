package org.breakwater.web;

import io.javalin.http.Context;
import org.breakwater.apidiff.spec.Node;
import org.breakwater.apidiff.spec.ObjectNode;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.SpecException;
import org.breakwater.apidiff.spec.TreeReader;
import org.breakwater.catalog.Outcome;

/** What the routes share: JSON answers, request bodies, and outcomes turned into problems. */
final class Requests {
    private Requests() {
    }

    static void json(Context ctx, String body) {
        ctx.contentType("application/json").result(body);
    }

    /** The value of a done outcome; a refused one becomes a problem with {@code status}. */
    static <T> T done(Outcome<T> o, int status) {
        if (o instanceof Outcome.Done<T> d) {
            return d.value();
        }
        throw new Problem(status, status == 404 ? "Not found" : "Bad request", ((Outcome.Refused<T>) o).reason());
    }

    static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw Problem.badRequest("a plan is named by its number, not '" + text + "'");
        }
    }

    static ObjectNode body(Context ctx) {
        try {
            Node parsed = new TreeReader(ReadLimits.defaults()).parse(ctx.body(), "request.json");
            if (!(parsed instanceof ObjectNode o)) {
                throw Problem.badRequest("the body must be a JSON object");
            }
            return o;
        } catch (SpecException e) {
            throw Problem.badRequest("the body is not JSON: " + e.problem().message() + " (line " + e.problem().line()
                    + ", column " + e.problem().column() + ")");
        }
    }

    static String required(ObjectNode body, String field) {
        return body.text(field).filter(v -> !v.isBlank())
                .orElseThrow(() -> Problem.badRequest("'" + field + "' is required"));
    }

}
