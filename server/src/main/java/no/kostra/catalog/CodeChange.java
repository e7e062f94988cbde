package no.kostra.catalog;

import java.util.Objects;

/**
 * A reform changed a municipality's number: from {@code firstYearOfNewCode} on, what reported as {@code oldCode}
 * reports as {@code newCode}. Whether that carries a series (a renumbering), joins several into one (a merge) or
 * divides one (a split: one old code, several new) follows from all changes together ({@link Catalog}).
 * {@code oldName} is the name under the old code, or null when not known.
 */
public record CodeChange(String oldCode, String newCode, int firstYearOfNewCode, String oldName) {
    public CodeChange {
        Objects.requireNonNull(oldCode, "oldCode");
        Objects.requireNonNull(newCode, "newCode");
        if (oldCode.equals(newCode)) {
            throw new IllegalArgumentException("A code change must change the code: " + oldCode);
        }
        oldName = oldName == null || oldName.isBlank() ? null : oldName.strip();
    }

    public CodeChange(String oldCode, String newCode, int firstYearOfNewCode) {
        this(oldCode, newCode, firstYearOfNewCode, null);
    }

    /** The catalogue key: a split gives one old code several rows. */
    public String key() {
        return oldCode + ">" + newCode;
    }
}
