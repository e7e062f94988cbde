package no.kostra.auth;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.Optional;

/**
 * Who is asking: a token's name, its role and the municipalities an editor may change (codes as given; see
 * {@link #canonical}). An editor is bound to at least one municipality: one named for none is a reader, so a token or
 * an OpenID account that says nothing about where it may write can write nowhere.
 */
public record Caller(String name, Role role, Set<String> municipalities) {
    public Caller {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        municipalities = Set.copyOf(municipalities);
        if (role == Role.EDITOR && municipalities.isEmpty()) {
            role = Role.READER;
        }
    }

    /**
     * The same caller with every municipality under its current code (3024 and 0219 are Bærum, 3201); a code the
     * catalogue does not know names no municipality and is dropped.
     */
    public Caller canonical(Function<String, Optional<String>> currentCode) {
        Set<String> current = new TreeSet<>();
        municipalities.forEach(code -> currentCode.apply(code).ifPresent(current::add));
        return new Caller(name, role, current);
    }

    /** Whether this caller may change figures and comments of the municipality (its current code). */
    public boolean mayEdit(String region) {
        return role == Role.ADMIN || role == Role.EDITOR && municipalities.contains(region);
    }
}
