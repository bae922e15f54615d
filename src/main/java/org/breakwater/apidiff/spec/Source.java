package org.breakwater.apidiff.spec;

/**
 * Where an element of an API description is written: the file (as named to the user), the
 * JSON pointer inside it, and the 1-based line and column of its start.
 */
public record Source(String file, String pointer, int line, int column) {
    public static final Source NONE = new Source("", "", 0, 0);

    public static Source of(String file, String pointer, Node node) {
        return new Source(file, pointer, node.line(), node.column());
    }

    /** {@code file:line:column}, or the file alone when the position is not known. */
    public String position() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}
