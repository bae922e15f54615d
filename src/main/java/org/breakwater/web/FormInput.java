package org.breakwater.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * What a visitor typed into a form that was refused: the page shows the form again with the
 * values kept and the error beside the field it is about (the field whose value the message
 * quotes), or at the top of the form when it names none. {@link #NONE} on a page shown
 * normally.
 *
 * @param form   the form's id on the page ("evidence-GATE", "new-plan", ...)
 * @param values what was typed, by field name (never the CSRF token)
 * @param error  why it was refused
 */
record FormInput(String form, Map<String, String> values, String error) {
    static final FormInput NONE = new FormInput("", Map.of(), "");

    FormInput {
        values = Map.copyOf(values);
    }

    /**
     * A form handler whose 400 answers show {@code page} again (status 400) with what was typed;
     * other refusals (401, 403, 404) stay error pages.
     */
    static Handler keeping(Handler handler, Function<Context, String> form, BiConsumer<Context, FormInput> page) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (Problem p) {
                if (p.status() != 400) {
                    throw p;
                }
                Map<String, String> typed = new LinkedHashMap<>();
                ctx.formParamMap().forEach((name, v) -> {
                    if (!name.equals("csrf") && !v.isEmpty()) { // an empty field is kept: it was typed empty
                        typed.put(name, v.get(0));
                    }
                });
                ctx.status(400);
                page.accept(ctx, new FormInput(form.apply(ctx), typed, p.getMessage()));
            }
        };
    }

    boolean on(String id) {
        return !error.isEmpty() && form.equals(id);
    }

    /** What was typed into {@code field} of form {@code id}, when that form came back with it; else {@code fallback}. */
    String value(String id, String field, String fallback) {
        return on(id) && values.containsKey(field) ? values.get(field) : fallback;
    }

    /** The field the error is about: the one whose (non-trivial) value the message quotes. */
    Optional<String> field() {
        return values.entrySet().stream().filter(e -> e.getValue().strip().length() > 1)
                .filter(e -> error.contains("'" + e.getValue().strip() + "'")).map(Map.Entry::getKey).findFirst();
    }

    /** On top of a long page whose form came back: that nothing was saved, and a link down to the form. */
    Html notice(Html h) {
        if (!error.isEmpty()) {
            h.tag("<p class=\"notice failed\">").text("Not saved: " + error + " ").link("#" + form, "(to the form)")
                    .tag("</p>");
        }
        return h;
    }

    /** The error at the top of form {@code id}, when it names none of {@code fields}. */
    Html above(Html h, String id, List<String> fields) {
        if (on(id) && field().filter(fields::contains).isEmpty()) {
            h.tag("<p class=\"failed\" role=\"alert\">").text(error).tag("</p>");
        }
        return h;
    }

    /** The error beside {@code field} of form {@code id}, when it is about that field. */
    Html beside(Html h, String id, String field) {
        if (on(id) && field().filter(field::equals).isPresent()) {
            h.tag(" <span class=\"failed\" role=\"alert\">").text(error).tag("</span>");
        }
        return h;
    }
}
