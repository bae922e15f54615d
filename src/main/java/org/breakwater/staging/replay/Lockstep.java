package org.breakwater.staging.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.breakwater.staging.replay.Difference.Kind;

/**
 * Compares two JSON bodies by walking both token streams side by side: while they agree (same
 * field names in the same order, same values) nothing is built or copied; where an object's
 * fields part ways, the rest of that object on each side is read into {@link JsonTree} values
 * and compared by name ({@link TreeComparison}). Most answers of two versions agree almost
 * everywhere, so this is where the comparison's speed comes from.
 */
final class Lockstep {
    private static final JsonFactory FACTORY = new JsonFactory();

    /** A JSON path built only when a difference needs it. */
    private record Path(Path parent, String field) {
        static final Path ROOT = new Path(null, null);

        Path item() {
            return new Path(this, null);
        }

        @Override
        public String toString() {
            if (parent == null) {
                return "$";
            }
            return field == null ? parent + "[*]" : JsonPaths.field(parent.toString(), field);
        }
    }

    private final List<Difference> out;
    private final TreeComparison trees;

    Lockstep(List<Difference> out) {
        this.out = out;
        this.trees = new TreeComparison(out);
    }

    /** Compares {@code a} with {@code b}. */
    void compare(byte[] a, byte[] b) throws IOException {
        try (JsonParser pa = FACTORY.createParser(a); JsonParser pb = FACTORY.createParser(b)) {
            JsonToken ta = pa.nextToken();
            JsonToken tb = pb.nextToken();
            if (ta == null || tb == null) {
                throw new IOException("empty body");
            }
            value(Path.ROOT, pa, ta, pb, tb);
            if (pa.nextToken() != null || pb.nextToken() != null) {
                throw new IOException("more than one value");
            }
        }
    }

    private void value(Path path, JsonParser pa, JsonToken ta, JsonParser pb, JsonToken tb) throws IOException {
        if (out.size() >= BodyComparator.LIMIT) {
            pa.skipChildren();
            pb.skipChildren();
        } else if (ta == JsonToken.START_OBJECT && tb == JsonToken.START_OBJECT) {
            object(path, pa, pb);
        } else if (ta == JsonToken.START_ARRAY && tb == JsonToken.START_ARRAY) {
            array(path, pa, pb);
        } else if (ta.isScalarValue() && tb.isScalarValue() && sameScalar(pa, ta, pb, tb)) {
            return;
        } else {
            trees.value(path.toString(), JsonTree.value(pa, ta), JsonTree.value(pb, tb));
        }
    }

    private void object(Path path, JsonParser pa, JsonParser pb) throws IOException {
        while (true) {
            JsonToken ta = pa.nextToken();
            JsonToken tb = pb.nextToken();
            if (ta == JsonToken.END_OBJECT && tb == JsonToken.END_OBJECT) {
                return;
            }
            if (ta == JsonToken.FIELD_NAME && tb == JsonToken.FIELD_NAME && pa.currentName().equals(pb.currentName())) {
                String name = pa.currentName();
                value(new Path(path, name), pa, pa.nextToken(), pb, pb.nextToken());
                continue;
            }
            trees.object(path.toString(), rest(pa, ta), rest(pb, tb)); // the fields part ways: by name from here
            return;
        }
    }

    private static Map<String, Object> rest(JsonParser p, JsonToken t) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        while (t == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            m.put(name, JsonTree.value(p, p.nextToken()));
            t = p.nextToken();
        }
        return m;
    }

    private void array(Path path, JsonParser pa, JsonParser pb) throws IOException {
        int at = out.size();
        Path items = path.item();
        int n = 0;
        while (true) {
            JsonToken ta = pa.nextToken();
            JsonToken tb = pb.nextToken();
            if (ta == JsonToken.END_ARRAY || tb == JsonToken.END_ARRAY) {
                int la = n + (ta == JsonToken.END_ARRAY ? 0 : count(pa, ta));
                int lb = n + (tb == JsonToken.END_ARRAY ? 0 : count(pb, tb));
                if (la != lb && out.size() < BodyComparator.LIMIT) {
                    out.add(at, new Difference(Kind.ARRAY_LENGTH, path.toString(), String.valueOf(la), String.valueOf(lb)));
                }
                return;
            }
            value(items, pa, ta, pb, tb);
            n++;
        }
    }

    /** Skips the rest of an array whose next element starts with {@code t}; how many elements that was. */
    private static int count(JsonParser p, JsonToken t) throws IOException {
        int n = 0;
        while (t != JsonToken.END_ARRAY) {
            p.skipChildren();
            n++;
            t = p.nextToken();
        }
        return n;
    }

    private static boolean sameScalar(JsonParser pa, JsonToken ta, JsonParser pb, JsonToken tb) throws IOException {
        if (ta == JsonToken.VALUE_STRING && tb == JsonToken.VALUE_STRING) {
            return Arrays.equals(pa.getTextCharacters(), pa.getTextOffset(), pa.getTextOffset() + pa.getTextLength(),
                    pb.getTextCharacters(), pb.getTextOffset(), pb.getTextOffset() + pb.getTextLength());
        }
        if (ta.isNumeric() && tb.isNumeric()) {
            return Arrays.equals(pa.getTextCharacters(), pa.getTextOffset(), pa.getTextOffset() + pa.getTextLength(),
                    pb.getTextCharacters(), pb.getTextOffset(), pb.getTextOffset() + pb.getTextLength())
                    || JsonTree.Num.sameValue(pa.getText(), pb.getText());
        }
        return ta == tb && !ta.isNumeric() && ta != JsonToken.VALUE_STRING; // true, false, null
    }
}
