package org.breakwater.apidiff.spec;

import java.util.Map;

/** A request body: whether it is required and its media types, keyed by normalised name. */
public record RequestBody(boolean required, Map<String, MediaType> content, Source source) {
    public RequestBody {
        content = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(content));
    }
}
