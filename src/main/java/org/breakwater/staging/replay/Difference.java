package org.breakwater.staging.replay;

/**
 * One way two answers to the same call differ. {@code path} is where in the JSON body, with
 * array positions written {@code [*]} so that the same field of every element reads the same
 * ({@code $.packages[*].branch}); {@code $} for the whole answer. {@code was} and {@code is}
 * are short renderings of the two sides (a string without its quotes, other values as JSON,
 * cut at {@link #SHOWN} characters), empty where a side has nothing.
 */
public record Difference(Kind kind, String path, String was, String is) {
    static final int SHOWN = 120;

    public enum Kind {
        STATUS("status changed"),
        CONTENT_TYPE("content type changed"),
        NO_ANSWER("no answer"),
        BODY_UNREADABLE("body is not readable JSON"),
        BODY_CHANGED("body changed"),
        FIELD_ADDED("field added"),
        FIELD_REMOVED("field removed"),
        TYPE_CHANGED("type changed"),
        VALUE_CHANGED("value changed"),
        ARRAY_LENGTH("array length changed");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public Difference {
        was = shown(was);
        is = shown(is);
    }

    /** The difference in words: "`$.branch` value changed: was `devel`, is `master`". */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append('`').append(path).append("` ").append(kind.text());
        if (!was.isEmpty() || !is.isEmpty()) {
            s.append(": was `").append(was).append("`, is `").append(is).append('`');
        }
        return s.toString();
    }

    private static String shown(String v) {
        if (v == null) {
            return "";
        }
        return v.length() <= SHOWN ? v : v.substring(0, SHOWN) + "…";
    }
}
