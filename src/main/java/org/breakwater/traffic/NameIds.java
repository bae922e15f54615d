package org.breakwater.traffic;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One number per caller name and per operation key, shared by the threads of one ingest, so
 * their counts can be told apart by two ints instead of two strings. Bounded: past
 * {@link #LIMIT} names a map starts afresh and the names seen again get new numbers (a name
 * may have several numbers; a number never names two different strings). Thread-safe.
 */
final class NameIds {
    static final int LIMIT = 1 << 20;

    private final int limit;
    private final AtomicInteger next = new AtomicInteger();
    private final Map<String, Integer> known = new ConcurrentHashMap<>();
    private final Map<String, Integer> unknown = new ConcurrentHashMap<>();
    private final Map<String, Integer> operations = new ConcurrentHashMap<>();

    NameIds() {
        this(LIMIT);
    }

    NameIds(int limit) {
        this.limit = limit;
    }

    int caller(String name, boolean isKnown) {
        return id(isKnown ? known : unknown, name);
    }

    int operation(String key) {
        return id(operations, key);
    }

    private int id(Map<String, Integer> ids, String name) {
        Integer id = ids.get(name);
        if (id != null) {
            return id;
        }
        if (ids.size() >= limit) {
            ids.clear();
        }
        return ids.computeIfAbsent(name, n -> next.getAndIncrement());
    }
}
