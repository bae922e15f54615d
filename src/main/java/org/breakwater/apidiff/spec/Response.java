package org.breakwater.apidiff.spec;

import java.util.Map;

/**
 * One response of an operation: headers keyed by lower-case name, media types by normalised
 * name, OpenAPI 3 links by name.
 */
public record Response(String status, Map<String, Header> headers, Map<String, MediaType> content, Source source,
                       Map<String, Link> links) {
    public Response {
        headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
        content = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(content));
        links = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(links));
    }

    /** A response without links. */
    public Response(String status, Map<String, Header> headers, Map<String, MediaType> content, Source source) {
        this(status, headers, content, source, Map.of());
    }

    /** 2XX and 3XX, including ranges such as "2XX". */
    public boolean isSuccess() {
        return status.startsWith("2") || status.startsWith("3");
    }
}
