package org.breakwater.apidiff.spec;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * YAML 1.2 to {@link Node}, from the parser's event stream (the parser keeps its own state
 * on the heap, so deep nesting cannot overflow the stack). Plain scalars are typed by the
 * YAML 1.2 core schema; anchors are shared, not copied, and every alias is charged its full
 * expanded size against {@link ReadLimits#maxNodes()}.
 */
final class YamlTreeReader {
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern INT = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN");
    private static final String STR_TAG = "tag:yaml.org,2002:str";
    /** The input reaches the scanner in at most this many chunks (and one empty read at the end). */
    static final int REFILLS = 8;
    private static final int MIN_CHUNK = 8192;

    private YamlTreeReader() {
    }

    static Node read(String text, String name, ReadLimits limits) throws SpecException {
        return readDocuments(text, name, limits, false).get(0);
    }

    /**
     * Reads every document of a YAML stream ({@code ---} separated), or only one when
     * {@code many} is false (a second document is then an error). Limits apply to the whole stream.
     */
    static java.util.List<Node> readDocuments(String text, String name, ReadLimits limits, boolean many)
            throws SpecException {
        LoadSettings settings = settings(name, limits, text.length());
        TreeBuilder b = new TreeBuilder(name, limits);
        Map<String, Node> anchors = new HashMap<>();
        Set<String> open = new HashSet<>();
        b.onAnchor((anchor, node) -> {
            anchors.put(anchor, node);
            open.remove(anchor);
        });
        int documents = 0;
        java.util.List<Node> roots = new java.util.ArrayList<>();
        try {
            for (Event e : new Parse(settings).parseString(YamlEscapes.mark(text))) {
                int line = e.getStartMark().map(m -> m.getLine() + 1).orElse(0);
                int col = e.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
                switch (e.getEventId()) {
                    case DocumentStart -> {
                        if (++documents > 1 && !many) {
                            throw b.fail(line, col, "more than one YAML document in the file");
                        }
                        if (documents > 1) {
                            b.nextDocument();
                            anchors.clear();
                            open.clear();
                        }
                    }
                    case DocumentEnd -> {
                        if (b.hasRoot()) {
                            roots.add(b.root());
                        }
                    }
                    case MappingStart, SequenceStart -> {
                        if (b.expectsKey()) {
                            throw b.fail(line, col, "a key must be a string, number or boolean, not a collection");
                        }
                        String anchor = ((CollectionStartEvent) e).getAnchor().map(YamlTreeReader::name).orElse(null);
                        if (anchor != null) {
                            open.add(anchor);
                        }
                        if (e.getEventId() == Event.ID.MappingStart) {
                            b.startObject(line, col, anchor);
                        } else {
                            b.startArray(line, col, anchor);
                        }
                    }
                    case MappingEnd, SequenceEnd -> b.end();
                    case Scalar -> {
                        ScalarEvent s = (ScalarEvent) e;
                        if (b.expectsKey()) {
                            b.key(YamlEscapes.restore(s.getValue(), s.getScalarStyle()), line, col);
                            s.getAnchor().ifPresent(a -> anchors.put(name(a), scalar(s, line, col)));
                        } else {
                            b.scalar(scalar(s, line, col), s.getAnchor().map(YamlTreeReader::name).orElse(null));
                        }
                    }
                    case Alias -> {
                        String anchor = name(((AliasEvent) e).getAlias());
                        if (open.contains(anchor)) {
                            throw b.fail(line, col, "the alias *" + TreeReader.printable(anchor)
                                    + " refers to a node that contains it");
                        }
                        Node target = anchors.get(anchor);
                        if (target == null) {
                            throw b.fail(line, col, "unknown alias *" + TreeReader.printable(anchor));
                        }
                        if (b.expectsKey()) {
                            if (target instanceof ScalarNode s) {
                                b.key(s.text(), line, col);
                            } else {
                                throw b.fail(line, col, "a key must be a string, number or boolean, not a collection");
                            }
                        } else {
                            b.alias(target, line, col);
                        }
                    }
                    default -> {
                        // stream and document boundaries, comments
                    }
                }
            }
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark();
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            String context = e.getContext() == null ? "" : e.getContext() + ": ";
            throw new SpecException(new Problem(name, mark.map(m -> m.getLine() + 1).orElse(0),
                    mark.map(m -> m.getColumn() + 1).orElse(0),
                    "malformed YAML: " + TreeReader.printable(YamlEscapes.restore(context + problem))));
        } catch (YamlEngineException e) {
            String msg = e.getMessage() == null ? "unreadable" : e.getMessage().split("\n", 2)[0];
            throw new SpecException(Problem.inFile(name, "malformed YAML: " + TreeReader.printable(YamlEscapes.restore(msg))));
        }
        if (roots.isEmpty()) {
            roots.add(b.root()); // reports the empty file
        }
        return roots;
    }

    /**
     * The parser's settings. The reader hands the scanner its input in chunks of an eighth of
     * the text: the scanner copies its unread look-ahead on every refill, and with small
     * chunks a long scalar, comment or line was copied once per kilobyte, which made reading
     * quadratic in its length (a 4 MB scalar took minutes). With at most nine refills every
     * character is copied a bounded number of times, whatever the input.
     */
    static LoadSettings settings(String name, ReadLimits limits, int length) {
        return LoadSettings.builder()
                .setLabel(name)
                .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxBytes()))
                .setMaxAliasesForCollections(Integer.MAX_VALUE)
                .setBufferSize(Math.max(MIN_CHUNK, length / REFILLS + 1))
                .build();
    }

    private static String name(Anchor anchor) {
        return YamlEscapes.restore(anchor.getValue());
    }

    private static ScalarNode scalar(ScalarEvent s, int line, int col) {
        String v = YamlEscapes.restore(s.getValue(), s.getScalarStyle());
        boolean plain = s.getScalarStyle() == ScalarStyle.PLAIN;
        boolean stringTag = s.getTag().map(STR_TAG::equals).orElse(false) || s.getTag().map("!!str"::equals).orElse(false);
        if (!plain || stringTag) {
            return new ScalarNode(ScalarNode.Kind.STRING, v, line, col);
        }
        if (NULL.matcher(v).matches()) {
            return new ScalarNode(ScalarNode.Kind.NULL, "null", line, col);
        }
        if (BOOL.matcher(v).matches()) {
            return new ScalarNode(ScalarNode.Kind.BOOLEAN, v.toLowerCase(java.util.Locale.ROOT), line, col);
        }
        if (INT.matcher(v).matches()) {
            if (v.startsWith("0x") || v.startsWith("0o")) {
                try {
                    long n = Long.parseLong(v.substring(2), v.startsWith("0x") ? 16 : 8);
                    return ScalarNode.number(Long.toString(n), line, col);
                } catch (NumberFormatException tooLarge) {
                    return new ScalarNode(ScalarNode.Kind.STRING, v, line, col);
                }
            }
            return ScalarNode.number(v, line, col);
        }
        if (FLOAT.matcher(v).matches()) {
            return ScalarNode.number(v, line, col);
        }
        return new ScalarNode(ScalarNode.Kind.STRING, v, line, col);
    }
}
