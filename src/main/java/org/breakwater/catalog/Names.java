package org.breakwater.catalog;

/** Checks for the names that identify catalog entries. */
final class Names {
    private Names() {
    }

    static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
    }
}
