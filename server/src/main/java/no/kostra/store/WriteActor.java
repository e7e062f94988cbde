package no.kostra.store;

import java.util.Optional;

/**
 * Who is making the changes the current thread writes, for the audit log: the web layer sets it per request (the
 * token's name, the address, the route), the command line once per command. {@link Database#inTransaction} writes it
 * beside the change, in the same transaction.
 *
 * @param actor   a token's name, or "kommandolinje (user)" for a command
 * @param address the client's address, or "lokal"
 * @param action  what was asked, e.g. {@code POST /api/imports?name=tall.csv}
 */
public record WriteActor(String actor, String address, String action) {
    private static final ThreadLocal<WriteActor> CURRENT = new ThreadLocal<>();

    public static void set(WriteActor actor) {
        CURRENT.set(actor);
    }

    public static void clear() {
        CURRENT.remove();
    }

    public static Optional<WriteActor> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
