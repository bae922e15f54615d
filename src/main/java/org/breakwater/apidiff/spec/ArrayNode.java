package org.breakwater.apidiff.spec;

import java.util.List;

/** A JSON array or YAML sequence. */
public record ArrayNode(List<Node> items, int line, int column, long weight) implements Node {
    public ArrayNode {
        items = List.copyOf(items);
    }
}
