package no.kostra.compute;

import java.util.List;

/** A service profile for one municipality and report year: the three years, ASSS figures and indexes per row. */
public record ProfileTable(RegionRef region, ProfileRef profile, int year, List<Integer> years, List<ProfileRow> rows) {
    public ProfileTable {
        years = List.copyOf(years);
        rows = List.copyOf(rows);
    }

    /** @param requestedCode the code the caller used (3024 and 3201 both reach Bærum) */
    public record RegionRef(String code, String name, String requestedCode) {
    }

    public record ProfileRef(String code, String area, String title) {
    }
}
