package org.breakwater.apidiff.spec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Builds a {@link Node} tree from a stream of parse events without recursion, so nesting
 * depth costs heap, not stack. Enforces the depth and expanded-size limits and rejects
 * duplicate keys. Both the JSON and the YAML reader drive it.
 */
final class TreeBuilder {
    private final String file;
    private final ReadLimits limits;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private Node root;
    private long totalWeight;
    /** Nodes written in the text (an alias counts as one): what the expansion is measured against. */
    private long written;

    TreeBuilder(String file, ReadLimits limits) {
        this.file = file;
        this.limits = limits;
    }

    private abstract static class Frame {
        final int line;
        final int column;
        final String anchor;
        long weight = 1;

        Frame(int line, int column, String anchor) {
            this.line = line;
            this.column = column;
            this.anchor = anchor;
        }
    }

    private static final class ObjectFrame extends Frame {
        final FieldMap.Builder fields = new FieldMap.Builder();
        /** The line of each key in {@code fields}, in the same order; read only to report a duplicate. */
        int[] keyLines = new int[8];
        String pendingKey;
        int keyLine;
        int keyColumn;
        boolean expectKey = true;
        List<ObjectNode> merges;

        ObjectFrame(int line, int column, String anchor) {
            super(line, column, anchor);
        }
    }

    private static final class ArrayFrame extends Frame {
        final List<Node> items = new ArrayList<>();

        ArrayFrame(int line, int column, String anchor) {
            super(line, column, anchor);
        }
    }

    /** Called with each completed node that carried a YAML anchor. */
    interface AnchorSink {
        void anchored(String anchor, Node node);
    }

    private AnchorSink anchorSink = (a, n) -> { };

    void onAnchor(AnchorSink sink) {
        this.anchorSink = sink;
    }

    boolean expectsKey() {
        return !stack.isEmpty() && stack.peek() instanceof ObjectFrame o && o.expectKey;
    }

    void key(String name, int line, int column) throws SpecException {
        ObjectFrame frame = (ObjectFrame) stack.peek();
        if (frame.fields.containsKey(name)) {
            throw fail(line, column,
                    "duplicate key '" + TreeReader.printable(name) + "' (first at line " + firstLine(frame, name) + ")");
        }
        frame.pendingKey = name;
        frame.keyLine = line;
        frame.keyColumn = column;
        frame.expectKey = false;
    }

    private static int firstLine(ObjectFrame frame, String name) {
        int i = frame.fields.indexOf(name);
        return i < 0 ? 0 : frame.keyLines[i];
    }


    void startObject(int line, int column, String anchor) throws SpecException {
        push(new ObjectFrame(line, column, anchor));
    }

    void startArray(int line, int column, String anchor) throws SpecException {
        push(new ArrayFrame(line, column, anchor));
    }

    private void push(Frame frame) throws SpecException {
        if (stack.size() >= limits.maxDepth()) {
            throw fail(frame.line, frame.column, "nesting deeper than " + limits.maxDepth() + " levels");
        }
        stack.push(frame);
    }

    void end() throws SpecException {
        Frame frame = stack.pop();
        Node node;
        if (frame instanceof ObjectFrame o) {
            applyMerges(o);
            node = new ObjectNode(o.fields.build(), o.line, o.column, o.weight);
        } else {
            ArrayFrame a = (ArrayFrame) frame;
            node = new ArrayNode(a.items, a.line, a.column, a.weight);
        }
        if (frame.anchor != null) {
            anchorSink.anchored(frame.anchor, node);
        }
        add(node);
    }

    void scalar(ScalarNode node, String anchor) throws SpecException {
        if (anchor != null) {
            anchorSink.anchored(anchor, node);
        }
        add(node);
    }

    /** A YAML alias at {@code line}:{@code column}: the same node again, counted at its full expanded size. */
    void alias(Node node, int line, int column) throws SpecException {
        add(node, true, line, column);
    }

    private void add(Node node) throws SpecException {
        add(node, false, node.line(), node.column());
    }

    private void add(Node node, boolean aliased, int line, int column) throws SpecException {
        totalWeight = aliased ? saturatingAdd(totalWeight, node.weight()) : totalWeight + 1;
        written++;
        if (totalWeight > limits.maxNodes()) {
            throw fail(line, column, "the document expands to more than " + limits.maxNodes()
                    + " nodes" + (aliased ? " through YAML aliases (an alias bomb?)" : ""));
        }
        if (aliased && totalWeight > limits.maxExpandedNodes(written)) {
            throw fail(line, column, String.format("the document expands to more than %,d nodes through YAML"
                    + " aliases, over %d times the %,d nodes written in it (an alias bomb?): write the shared parts"
                    + " once under components and use $ref", limits.maxExpandedNodes(written),
                    limits.expansionFactor(), written));
        }
        Frame parent = stack.peek();
        if (parent == null) {
            if (root != null) {
                throw fail(line, column, "more than one document in the file");
            }
            root = node;
            return;
        }
        parent.weight = saturatingAdd(parent.weight, node.weight());
        if (parent instanceof ArrayFrame a) {
            a.items.add(node);
            return;
        }
        ObjectFrame o = (ObjectFrame) parent;
        if (o.expectKey) {
            throw fail(line, column, "a key must be a string, number or boolean, found " + node.kindName());
        }
        if (o.pendingKey.equals("<<")) {
            collectMerge(o, node);
        } else {
            int index = o.fields.size();
            o.fields.put(o.pendingKey, node);
            if (index == o.keyLines.length) {
                o.keyLines = java.util.Arrays.copyOf(o.keyLines, index * 2);
            }
            o.keyLines[index] = o.keyLine;
        }
        o.expectKey = true;
    }

    /** YAML 1.1 merge keys ({@code <<: *base}), still common in hand-written descriptions. */
    private void collectMerge(ObjectFrame o, Node value) throws SpecException {
        if (o.merges == null) {
            o.merges = new ArrayList<>();
        }
        if (value instanceof ObjectNode obj) {
            o.merges.add(obj);
        } else if (value instanceof ArrayNode arr && arr.items().stream().allMatch(ObjectNode.class::isInstance)) {
            arr.items().forEach(n -> o.merges.add((ObjectNode) n));
        } else {
            throw fail(o.keyLine, o.keyColumn, "a merge key '<<' needs a mapping or a list of mappings");
        }
    }

    private static void applyMerges(ObjectFrame o) {
        if (o.merges == null) {
            return;
        }
        for (ObjectNode merged : o.merges) {
            merged.fields().forEach(o.fields::putIfAbsent);
        }
    }

    boolean hasRoot() {
        return root != null;
    }

    /** Starts the next document of a stream; the size limit keeps counting across documents. */
    void nextDocument() {
        root = null;
    }

    Node root() throws SpecException {
        if (root == null) {
            throw new SpecException(Problem.inFile(file, "the file is empty"));
        }
        return root;
    }

    SpecException fail(int line, int column, String message) {
        return new SpecException(new Problem(file, line, column, message));
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }
}
