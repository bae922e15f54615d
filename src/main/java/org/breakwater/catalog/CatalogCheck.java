package org.breakwater.catalog;

import java.util.List;
import java.util.Map;

/**
 * The outcome of checking a catalog: the catalog (consumers' operations resolved against
 * their providers' API descriptions), the descriptions, and every problem found.
 */
public record CatalogCheck(Catalog catalog, Map<String, ApiDescription> apis, List<CatalogProblem> problems) {
    public CatalogCheck {
        apis = Map.copyOf(apis);
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.stream().noneMatch(CatalogProblem::isError);
    }

    public long errors() {
        return problems.stream().filter(CatalogProblem::isError).count();
    }

    /** Errors left out because they follow from one shown (see {@link CatalogProblem#following()}). */
    public long following() {
        return problems.stream().mapToLong(CatalogProblem::following).sum();
    }

    public long warnings() {
        return problems.size() - errors();
    }
}
