package no.kostra.ingest;

import java.util.ArrayList;
import java.util.List;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.CodeChange;
import no.kostra.catalog.GroupMembership;
import no.kostra.catalog.Indicator;
import no.kostra.catalog.MeanKind;
import no.kostra.catalog.ProfileDefinition;
import no.kostra.catalog.Region;
import no.kostra.catalog.RegionKind;
import no.kostra.catalog.Unit;

/**
 * The catalogue's CSV tables (formats in seeds/README.md), read into catalogue entries. Shared by the seed loader and
 * the catalogue import; errors are {@link IllegalStateException}s naming file, line and column.
 */
final class CatalogTables {
    /** Each table's required columns, by the file name the seeds use. */
    enum Kind {
        REGIONS("regions.csv", "code", "name", "kind"),
        CODE_CHANGES("region_code_changes.csv", "old_code", "new_code", "first_year_of_new_code"),
        GROUP_MEMBERS("group_members.csv", "group", "member", "from_year", "to_year"),
        PROFILES("service_profiles.csv", "code", "area", "area_title", "title", "sort"),
        INDICATORS("indicators.csv", "id", "area", "name", "unit", "decimals", "mean_kind", "higher_is_more", "source"),
        PROFILE_ROWS("profile_rows.csv", "profile", "first_year", "last_year", "sort", "category", "indicator", "mean_kind");

        final String fileName;
        final List<String> columns;

        Kind(String fileName, String... columns) {
            this.fileName = fileName;
            this.columns = List.of(columns);
        }
    }

    private CatalogTables() {
    }

    static List<Region> regions(CsvTable table) {
        List<Region> regions = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            regions.add(guard(row, () -> new Region(row.required("code"), row.required("name"), RegionKind.fromCode(row.required("kind")))));
        }
        return regions;
    }

    static List<CodeChange> codeChanges(CsvTable table) {
        List<CodeChange> changes = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            changes.add(guard(row, () -> new CodeChange(row.required("old_code"), row.required("new_code"),
                    row.integer("first_year_of_new_code"), row.optional("old_name"))));
        }
        return changes;
    }

    static List<GroupMembership> memberships(CsvTable table) {
        List<GroupMembership> members = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            members.add(guard(row, () -> new GroupMembership(row.required("group"), row.required("member"), row.integer("from_year"),
                    row.optionalInteger("to_year"))));
        }
        return members;
    }

    static List<ProfileDefinition> profiles(CsvTable table) {
        List<ProfileDefinition> profiles = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            profiles.add(guard(row, () -> new ProfileDefinition(row.required("code"), row.required("area"), row.required("area_title"),
                    row.required("title"), row.integer("sort"), row.optional("sheet"), row.optional("resource_indicator"),
                    row.optional("barometer_sector"))));
        }
        return profiles;
    }

    /**
     * Indicators; {@code sort} (optional) orders an area's indicators. Files written before profiles had years carry
     * {@code profile} and {@code category} columns; they are read when empty and refused when a profile is named,
     * since a profile's rows now come from {@code profile_rows.csv} alone (one way to say where a row is).
     */
    static List<Indicator> indicators(CsvTable table) {
        List<Indicator> indicators = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            if (row.optional("profile") != null) {
                throw new IllegalStateException(where(row, "profile") + ": profilrader står i profile_rows.csv ("
                        + String.join(",", Kind.PROFILE_ROWS.columns) + "), med årene de gjelder for; la kolonnen profile stå tom");
            }
            indicators.add(guard(row, () -> new Indicator(row.required("id"), row.required("area"),
                    row.optionalInteger("sort") == null ? 0 : row.optionalInteger("sort"), row.required("name"),
                    Unit.fromCode(row.required("unit")), row.integer("decimals"), MeanKind.fromCode(row.required("mean_kind")),
                    row.bool("higher_is_more"), row.required("source"), row.optional("weight_indicator"),
                    row.optional("short_name"))));
        }
        return indicators;
    }

    /** A place in a file, in bokmål: {@code profile_rows.csv linje 3, kolonne sort}. */
    static String where(CsvTable.Row row, String column) {
        return row.where(column).replace(" line ", " linje ").replace(", column ", ", kolonne ");
    }

    /** Every reference in the catalogue leads to an entry: members and groups, weights, resource indicators. */
    static void checkReferences(Catalog catalog) {
        for (GroupMembership m : catalog.memberships()) {
            if (catalog.findRegion(m.group()).isEmpty() || catalog.findRegion(m.member()).isEmpty()) {
                throw new IllegalStateException("group_members.csv: " + m.member() + " in " + m.group() + " names an unknown region");
            }
        }
        for (Indicator i : catalog.indicators()) {
            if (i.weightIndicator() != null && catalog.findIndicator(i.weightIndicator()).isEmpty()) {
                throw new IllegalStateException("indicators.csv: " + i.id() + " is weighted by unknown indicator " + i.weightIndicator());
            }
        }
        for (ProfileDefinition p : catalog.profiles()) {
            if (p.resourceIndicator() != null && catalog.findIndicator(p.resourceIndicator()).isEmpty()) {
                throw new IllegalStateException(Kind.PROFILES.fileName + ": profilen " + p.code() + ", kolonne resource_indicator:"
                        + " ukjent indikator " + p.resourceIndicator() + "; importer indicators.csv med den først");
            }
        }
    }

    private static <T> T guard(CsvTable.Row row, java.util.function.Supplier<T> entry) {
        try {
            return entry.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(row.where("") .replace(", kolonne ", "") + ": " + e.getMessage(), e);
        }
    }
}
