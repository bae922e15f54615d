package org.breakwater.apidiff.spec;

/** A server the API is served from, and the base path that its operations' paths hang under. */
public record Server(String url, String basePath, Source source) {
}
