package org.breakwater.catalog;

import java.util.List;

/**
 * What a consumer uses of one provider service: some operations, or (none listed) the whole
 * API — the safe assumption when nobody knows.
 */
public record Use(String service, List<OperationRef> operations) {
    public Use {
        Names.require(service, "used service");
        operations = List.copyOf(operations);
    }

    public boolean wholeApi() {
        return operations.isEmpty();
    }

    public boolean covers(OperationRef op) {
        return wholeApi() || operations.stream().anyMatch(o -> o.sameAs(op));
    }
}
