package org.breakwater.apidiff.spec;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The members of an {@link ObjectNode}: an immutable map in document order, kept in two
 * arrays. Most objects of an API description have a handful of members, where a linear scan
 * beats hashing and a hash map's tables and entries would double the memory of a parsed
 * description; objects with many members (paths, schemas) get a hash index as well.
 */
final class FieldMap extends AbstractMap<String, Node> {
    private static final int INDEX_FROM = 9;

    private final String[] keys;
    private final Node[] values;
    private final int size;
    private final Map<String, Integer> index;

    private FieldMap(String[] keys, Node[] values, int size, Map<String, Integer> index) {
        this.keys = keys;
        this.values = values;
        this.size = size;
        this.index = index;
    }


    /** Collects members while a document is parsed; not thread-safe, used once. */
    static final class Builder {
        private String[] keys = new String[8];
        private Node[] values = new Node[8];
        private int size;
        private Map<String, Integer> index;

        int indexOf(String key) {
            return find(keys, size, index, key);
        }

        boolean containsKey(String key) {
            return indexOf(key) >= 0;
        }

        int size() {
            return size;
        }

        /** Appends a member whose key is not present yet (the caller checked). */
        void put(String key, Node value) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = key;
            values[size] = value;
            if (index != null) {
                index.put(key, size);
            } else if (size + 1 == INDEX_FROM) {
                index = new HashMap<>(INDEX_FROM * 4);
                for (int i = 0; i <= size; i++) {
                    index.put(keys[i], i);
                }
            }
            size++;
        }

        void putIfAbsent(String key, Node value) {
            if (!containsKey(key)) {
                put(key, value);
            }
        }

        FieldMap build() {
            return new FieldMap(keys, values, size, index);
        }
    }

    private int indexOf(Object key) {
        return find(keys, size, index, key);
    }

    /** Position of {@code key} among the first {@code size} keys: by the index when there is one. */
    private static int find(String[] keys, int size, Map<String, Integer> index, Object key) {
        if (index != null) {
            Integer i = index.get(key);
            return i == null ? -1 : i;
        }
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Node get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Node> action) {
        for (int i = 0; i < size; i++) {
            action.accept(keys[i], values[i]);
        }
    }

    @Override
    public Set<Entry<String, Node>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Node>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, Node> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
