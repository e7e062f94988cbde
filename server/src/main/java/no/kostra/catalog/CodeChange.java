package no.kostra.catalog;

import java.util.Objects;

/** A reform renumbered a municipality: from {@code firstYearOfNewCode} on it reports as {@code newCode}. */
public record CodeChange(String oldCode, String newCode, int firstYearOfNewCode) {
    public CodeChange {
        Objects.requireNonNull(oldCode, "oldCode");
        Objects.requireNonNull(newCode, "newCode");
        if (oldCode.equals(newCode)) {
            throw new IllegalArgumentException("A code change must change the code: " + oldCode);
        }
    }
}
