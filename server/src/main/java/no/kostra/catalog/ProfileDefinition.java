package no.kostra.catalog;

import java.util.Objects;

/** A service profile as ASSS defines it: a set of indicators for one service area (or one part of it, as PLO 67+). */
public record ProfileDefinition(String code, String area, String areaTitle, String title, int sortOrder) {
    public ProfileDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(areaTitle, "areaTitle");
        Objects.requireNonNull(title, "title");
    }
}
