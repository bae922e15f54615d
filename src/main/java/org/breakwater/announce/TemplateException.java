package org.breakwater.announce;

/** A template that cannot be read: its name, line and column, and what is wrong there. */
public final class TemplateException extends Exception {
    private final String file;
    private final int line;
    private final int column;

    public TemplateException(String file, int line, int column, String message) {
        super(file + ":" + line + ":" + column + ": " + message);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
