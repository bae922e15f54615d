package org.breakwater.catalog;

/** A catalog entry and where it was written, so that a problem with it can name the place. */
public record Located<T>(T value, String file, int line, int column) {
    public CatalogProblem error(String message) {
        return CatalogProblem.error(file, line, column, message);
    }

    public CatalogProblem warning(String message) {
        return CatalogProblem.warning(file, line, column, message);
    }

    public String where() {
        return file + ":" + line + ":" + column;
    }
}
