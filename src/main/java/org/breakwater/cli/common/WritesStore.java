package org.breakwater.cli.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a command that writes to the store: it may create a new store (saying so on stderr).
 * A command without it only reads, and refuses a store that is not there instead of creating
 * an empty one (see {@link StoreOptions#open}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WritesStore {
}
