package org.breakwater.staging;

import java.text.Normalizer;
import java.util.Objects;

/**
 * A test's identity across runs: class name and test name, each trimmed, Unicode-normalised (NFC)
 * and with every run of white space (line breaks included) made one space, joined by {@code #}.
 * So {@code "com.acme.CartTest"} and {@code "adds an item"} are {@code com.acme.CartTest#adds an item}
 * whatever indentation or line wrapping a tool wrote around them.
 */
public record TestId(String value) implements Comparable<TestId> {
    public TestId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) throw new IllegalArgumentException("a test id is never blank");
    }

    public static TestId of(String classname, String name) {
        return new TestId(normalise(classname) + "#" + normalise(name));
    }

    static String normalise(String text) {
        if (text == null) return "";
        return Normalizer.normalize(text, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
    }

    @Override
    public int compareTo(TestId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
