package org.breakwater.apidiff.spec;

import java.util.Optional;

/** One media type of a request or response body, with its schema if it has one. */
public record MediaType(String name, Optional<Schema> schema, Source source) {
}
