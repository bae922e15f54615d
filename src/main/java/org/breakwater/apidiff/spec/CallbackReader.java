package org.breakwater.apidiff.spec;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code callbacks} of an OpenAPI 3 operation: each a map from a runtime expression
 * (the URL the API calls) to a path item, read like a path. Callbacks of callbacks are not
 * read, so a callback that refers back to its own operation stays finite.
 */
final class CallbackReader {
    private final SpecFiles files;
    private final DescriptionReader paths;
    private boolean reading;

    CallbackReader(SpecFiles files, DescriptionReader paths) {
        this.files = files;
        this.paths = paths;
    }

    /** The callbacks' operations, keyed "name METHOD expression". */
    Map<String, Operation> read(SpecFiles.Document d, String pointer, ObjectNode op) throws SpecException {
        Optional<ObjectNode> callbacks = op.object("callbacks");
        if (callbacks.isEmpty() || reading) {
            return Map.of();
        }
        reading = true;
        try {
            Map<String, Operation> out = new LinkedHashMap<>();
            String base = Pointer.append(pointer, "callbacks");
            for (Map.Entry<String, Node> e : callbacks.get().fields().entrySet()) {
                if (!e.getKey().startsWith("x-")) {
                    callback(d, Pointer.append(base, e.getKey()), e.getKey(), e.getValue(), out);
                }
            }
            return out;
        } finally {
            reading = false;
        }
    }

    private void callback(SpecFiles.Document d, String pointer, String name, Node value, Map<String, Operation> out)
            throws SpecException {
        SpecFiles.Target t = files.follow(d, pointer, value);
        if (!(t.node() instanceof ObjectNode cb)) {
            throw new SpecException(Problem.at(t.doc().name(), t.node(), "callback '" + name + "' must be an object"));
        }
        for (Map.Entry<String, Node> e : cb.fields().entrySet()) {
            if (e.getKey().startsWith("x-")) {
                continue;
            }
            for (Operation o : paths.pathItem(t.doc(), e.getKey(), Pointer.append(t.pointer(), e.getKey()), e.getValue())) {
                out.put(name + " " + o.method().toUpperCase(Locale.ROOT) + " " + e.getKey(), o);
            }
        }
    }
}
