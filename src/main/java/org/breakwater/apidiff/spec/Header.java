package org.breakwater.apidiff.spec;

/** A response header. */
public record Header(String name, boolean required, boolean deprecated, Schema schema, Source source) {
}
