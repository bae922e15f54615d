package org.breakwater.apidiff.spec;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** JSON Pointer (RFC 6901) building and evaluation. */
public final class Pointer {
    private Pointer() {
    }

    public static String append(String pointer, String token) {
        return pointer + "/" + token.replace("~", "~0").replace("/", "~1");
    }

    /** Splits a pointer into unescaped tokens; the URI fragment form (percent-encoded) is accepted. */
    public static List<String> tokens(String pointer) {
        List<String> out = new ArrayList<>();
        if (pointer.isEmpty()) {
            return out;
        }
        String decoded = pointer;
        if (pointer.indexOf('%') >= 0) {
            try {
                decoded = URLDecoder.decode(pointer.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformedEscape) {
                decoded = pointer; // "%zz" is no escape: take the pointer as written
            }
        }
        for (String t : decoded.substring(1).split("/", -1)) {
            out.add(t.replace("~1", "/").replace("~0", "~"));
        }
        return out;
    }

    /** The node at {@code pointer} under {@code root}, or null if there is none. */
    public static Node find(Node root, String pointer) {
        Node at = root;
        for (String token : tokens(pointer)) {
            if (at instanceof ObjectNode o) {
                at = o.fields().get(token);
            } else if (at instanceof ArrayNode a) {
                try {
                    int i = Integer.parseInt(token);
                    at = i >= 0 && i < a.items().size() ? a.items().get(i) : null;
                } catch (NumberFormatException e) {
                    at = null;
                }
            } else {
                at = null;
            }
            if (at == null) {
                return null;
            }
        }
        return at;
    }
}
