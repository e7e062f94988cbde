package no.kostra.auth;

import java.util.Optional;

/**
 * Who is asking: a token's name, its role and the municipality it is limited to (canonical code), if any.
 */
public record Caller(String name, Role role, Optional<String> municipality) {
    /** Whether this caller may change figures and comments of the municipality (canonical code). */
    public boolean mayEdit(String region) {
        return role == Role.ADMIN || role == Role.EDITOR && municipality.map(region::equals).orElse(true);
    }
}
