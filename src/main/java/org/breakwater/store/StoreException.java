package org.breakwater.store;

/** The database cannot be opened, migrated or reached: said in words a user can act on. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of trouble: most is about the database itself; a busy or full store is about this moment or this disk. */
    public enum Kind { UNAVAILABLE, BUSY, FULL }

    private final Kind kind;

    public StoreException(String message, Throwable cause) {
        this(Kind.UNAVAILABLE, message, cause);
    }

    public StoreException(String message) {
        this(Kind.UNAVAILABLE, message, null);
    }

    public StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Another writer held the store past every wait and retry: trying again later may work. */
    public boolean busy() {
        return kind == Kind.BUSY;
    }
}
