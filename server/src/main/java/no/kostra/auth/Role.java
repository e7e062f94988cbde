package no.kostra.auth;

import java.util.Locale;
import no.kostra.errors.InvalidInputException;

/**
 * What a token may do. Each role may do what the ones before it may: a reader reads and downloads; an editor also
 * returns workbooks, writes comments and takes back edits (for the municipality it names, if any); an admin also
 * imports, loads reference data, runs updates and reads the audit log.
 */
public enum Role {
    READER, EDITOR, ADMIN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean allows(Role needed) {
        return compareTo(needed) >= 0;
    }

    public static Role fromCode(String code) {
        for (Role role : values()) {
            if (role.code().equals(code)) {
                return role;
            }
        }
        throw new InvalidInputException("Ukjent rolle '" + code + "': bruk reader, editor eller admin", java.util.Map.of("role", code));
    }
}
