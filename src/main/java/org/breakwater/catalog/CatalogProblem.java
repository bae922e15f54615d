package org.breakwater.catalog;

/**
 * Something wrong in a catalog file, with its place. Errors refuse the import; warnings do not.
 *
 * @param stage     what the problem is about, which orders problems root cause first: a file
 *                  that cannot be read, then an entry that is wrong in itself, then references
 *                  between entries
 * @param following how many errors that follow from this one were left out (a reference to
 *                  an entry this problem made unreadable)
 */
public record CatalogProblem(Severity severity, String file, int line, int column, String message, Stage stage,
                             int following) {
    public enum Severity { ERROR, WARNING }

    /** In the order problems are shown: causes before what follows from them. */
    public enum Stage { FILE, ENTRY, REFERENCE }

    public CatalogProblem {
        if (following < 0) {
            throw new IllegalArgumentException("following must not be negative");
        }
    }

    public CatalogProblem(Severity severity, String file, int line, int column, String message) {
        this(severity, file, line, column, message, Stage.ENTRY, 0);
    }

    public static CatalogProblem error(String file, int line, int column, String message) {
        return new CatalogProblem(Severity.ERROR, file, line, column, message);
    }

    public static CatalogProblem warning(String file, int line, int column, String message) {
        return new CatalogProblem(Severity.WARNING, file, line, column, message);
    }

    /** An error that keeps a whole file from being read (malformed YAML, not a mapping). */
    public static CatalogProblem unreadable(String file, int line, int column, String message) {
        return new CatalogProblem(Severity.ERROR, file, line, column, message, Stage.FILE, 0);
    }

    public CatalogProblem at(Stage s) {
        return new CatalogProblem(severity, file, line, column, message, s, following);
    }

    public CatalogProblem withFollowing(int n) {
        return new CatalogProblem(severity, file, line, column, message, stage, n);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:column: error: message}, the form editors and CI logs link. */
    @Override
    public String toString() {
        String place = line > 0 ? file + ":" + line + ":" + column : file;
        return place + ": " + (isError() ? "error" : "warning") + ": " + message + (following == 0 ? ""
                : " (" + following + " more error" + (following == 1 ? "" : "s") + " follow" + (following == 1 ? "s" : "")
                + " from this, not shown)");
    }
}
