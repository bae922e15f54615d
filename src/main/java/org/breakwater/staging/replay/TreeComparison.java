package org.breakwater.staging.replay;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.breakwater.staging.replay.Difference.Kind;

/** Compares two {@link JsonTree} values by structure, adding what differs to a bounded list. */
final class TreeComparison {
    private final List<Difference> out;

    TreeComparison(List<Difference> out) {
        this.out = out;
    }

    void value(String path, Object a, Object b) {
        if (out.size() >= BodyComparator.LIMIT) {
            return;
        }
        String ta = JsonTree.type(a);
        String tb = JsonTree.type(b);
        if (!ta.equals(tb)) {
            out.add(new Difference(Kind.TYPE_CHANGED, path, ta + " " + JsonTree.shown(a), tb + " " + JsonTree.shown(b)));
        } else if (a instanceof Map) {
            object(path, cast(a), cast(b));
        } else if (a instanceof List) {
            array(path, (List<?>) a, (List<?>) b);
        } else if (a instanceof JsonTree.Num ? !((JsonTree.Num) a).sameValue((JsonTree.Num) b) : !a.equals(b)) {
            out.add(new Difference(Kind.VALUE_CHANGED, path, JsonTree.shown(a), JsonTree.shown(b)));
        }
    }

    void object(String path, Map<String, Object> a, Map<String, Object> b) {
        for (Map.Entry<String, Object> e : a.entrySet()) {
            Object other = b.get(e.getKey());
            String p = JsonPaths.field(path, e.getKey());
            if (other == null) {
                add(new Difference(Kind.FIELD_REMOVED, p, JsonTree.shown(e.getValue()), ""));
            } else {
                value(p, e.getValue(), other);
            }
        }
        for (Map.Entry<String, Object> e : b.entrySet()) {
            if (!a.containsKey(e.getKey())) {
                add(new Difference(Kind.FIELD_ADDED, JsonPaths.field(path, e.getKey()), "", JsonTree.shown(e.getValue())));
            }
        }
    }

    private void array(String path, List<?> a, List<?> b) {
        if (a.size() != b.size()) {
            add(new Difference(Kind.ARRAY_LENGTH, path, String.valueOf(a.size()), String.valueOf(b.size())));
        }
        Iterator<?> ia = a.iterator();
        Iterator<?> ib = b.iterator();
        while (ia.hasNext() && ib.hasNext() && out.size() < BodyComparator.LIMIT) {
            value(path + "[*]", ia.next(), ib.next());
        }
    }

    private void add(Difference d) {
        if (out.size() < BodyComparator.LIMIT) {
            out.add(d);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }
}
