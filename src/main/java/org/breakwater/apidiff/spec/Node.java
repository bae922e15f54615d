package org.breakwater.apidiff.spec;

/**
 * One node of a parsed JSON or YAML document, with the line and column (1-based) where it
 * starts. The tree is immutable; YAML anchors may make two places share one node.
 */
public sealed interface Node permits ObjectNode, ArrayNode, ScalarNode {
    int line();

    int column();

    /** Number of nodes this node stands for once YAML aliases are expanded (itself included). */
    long weight();

    default String kindName() {
        if (this instanceof ScalarNode s) {
            return s.kind().article();
        }
        return this instanceof ObjectNode ? "an object" : "an array";
    }
}
