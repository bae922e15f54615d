package org.breakwater.apidiff.spec;

import java.util.Map;

/** A discriminator: the property naming the variant, and the value-to-schema mapping. */
public record Discriminator(String propertyName, Map<String, String> mapping) {
    public Discriminator {
        mapping = Map.copyOf(mapping);
    }
}
