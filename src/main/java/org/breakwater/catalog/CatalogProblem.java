package org.breakwater.catalog;

/** Something wrong in a catalog file, with its place. Errors refuse the import; warnings do not. */
public record CatalogProblem(Severity severity, String file, int line, int column, String message) {
    public enum Severity { ERROR, WARNING }

    public static CatalogProblem error(String file, int line, int column, String message) {
        return new CatalogProblem(Severity.ERROR, file, line, column, message);
    }

    public static CatalogProblem warning(String file, int line, int column, String message) {
        return new CatalogProblem(Severity.WARNING, file, line, column, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:column: error: message}, the form editors and CI logs link. */
    @Override
    public String toString() {
        String place = line > 0 ? file + ":" + line + ":" + column : file;
        return place + ": " + (isError() ? "error" : "warning") + ": " + message;
    }
}
