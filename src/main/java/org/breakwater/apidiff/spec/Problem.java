package org.breakwater.apidiff.spec;

/**
 * What is wrong with an input, and where: {@code file:line:column: message}. Line and column
 * are 1-based; 0 means the position is not known (a missing file, a file that is too large).
 */
public record Problem(String file, int line, int column, String message) {
    public static Problem at(String file, Node node, String message) {
        return new Problem(file, node.line(), node.column(), message);
    }

    public static Problem inFile(String file, String message) {
        return new Problem(file, 0, 0, message);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column + ": " + message : file + ": " + message;
    }
}
