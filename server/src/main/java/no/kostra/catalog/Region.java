package no.kostra.catalog;

import java.util.Objects;

/** A municipality under its current number, or a group of municipalities (ASSS, KOSTRA-gruppe 12, …). */
public record Region(String code, String name, RegionKind kind) {
    public Region {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
