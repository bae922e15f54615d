package org.breakwater.catalog;

import java.util.function.Function;

/**
 * What a use case gives back: its result, or the reason it was refused (bad input the user
 * can fix, said in words). Exceptions are kept for bugs and broken infrastructure.
 */
public sealed interface Outcome<T> permits Outcome.Done, Outcome.Refused {
    record Done<T>(T value) implements Outcome<T> {
    }

    record Refused<T>(String reason) implements Outcome<T> {
    }

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> refused(String reason) {
        return new Refused<>(reason);
    }

    default <R> Outcome<R> map(Function<T, R> f) {
        if (this instanceof Done<T> d) {
            return done(f.apply(d.value()));
        }
        return refused(((Refused<T>) this).reason());
    }
}
