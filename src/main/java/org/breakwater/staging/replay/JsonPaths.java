package org.breakwater.staging.replay;

/** JSON paths as the report writes them: {@code $.name}, {@code $['odd name']}, {@code $.list[*]}. */
final class JsonPaths {
    private JsonPaths() {
    }

    static String field(String parent, String name) {
        if (plain(name)) {
            return parent + "." + name;
        }
        return parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    private static boolean plain(String name) {
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c == '_' || c == '-' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code path} is {@code covering} or lies inside it. */
    static boolean within(String path, String covering) {
        if (!path.startsWith(covering)) {
            return false;
        }
        if (path.length() == covering.length()) {
            return true;
        }
        char next = path.charAt(covering.length());
        return next == '.' || next == '[';
    }
}
