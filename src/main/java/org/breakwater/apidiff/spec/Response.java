package org.breakwater.apidiff.spec;

import java.util.Map;

/** One response of an operation: headers keyed by lower-case name, media types by normalised name. */
public record Response(String status, Map<String, Header> headers, Map<String, MediaType> content, Source source) {
    public Response {
        headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
        content = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(content));
    }

    /** 2XX and 3XX, including ranges such as "2XX". */
    public boolean isSuccess() {
        return status.startsWith("2") || status.startsWith("3");
    }
}
