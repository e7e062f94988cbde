package no.kostra.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.MeanKind;
import no.kostra.catalog.ProfileEntry;
import no.kostra.catalog.ProfileLayouts;

/**
 * A {@code profile_rows.csv} read into entries, with the line each came from (by {@link ProfileEntry#key()}), so a
 * problem found in the merged catalogue names the line and column that cause it. Messages are bokmål.
 */
record ProfileRowsTable(List<ProfileEntry> entries, Map<String, String> lineOf) {
    /** The width of {@code profile_row.category} (migration V72). */
    static final int MAX_CATEGORY = 64;

    ProfileRowsTable {
        entries = List.copyOf(entries);
        lineOf = Map.copyOf(lineOf);
    }

    static ProfileRowsTable read(CsvTable table) {
        List<ProfileEntry> entries = new ArrayList<>();
        Map<String, String> lineOf = new LinkedHashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String profile = text(row, "profile").toUpperCase(Locale.ROOT);
            int firstYear = year(row, "first_year");
            Integer lastYear = row.text("last_year").isEmpty() ? null : year(row, "last_year");
            if (lastYear != null && lastYear < firstYear) {
                throw new IllegalStateException(CatalogTables.where(row, "last_year") + ": last_year " + lastYear
                        + " er før first_year " + firstYear);
            }
            int sort = whole(row, "sort");
            String category = text(row, "category");
            if (category.length() > MAX_CATEGORY) {
                throw new IllegalStateException(CatalogTables.where(row, "category") + ": kategorien har " + category.length()
                        + " tegn; den kan ha høyst " + MAX_CATEGORY);
            }
            String indicator = text(row, "indicator");
            MeanKind meanKind;
            try {
                meanKind = MeanKind.fromCode(text(row, "mean_kind"));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(CatalogTables.where(row, "mean_kind") + ": " + e.getMessage(), e);
            }
            ProfileEntry entry = new ProfileEntry(profile, firstYear, lastYear, sort, category, indicator, meanKind, row.optional("name"));
            String before = lineOf.putIfAbsent(entry.key(), "linje " + row.line());
            if (before != null) {
                throw new IllegalStateException(CatalogTables.where(row, "indicator") + ": " + indicator + " står allerede i " + profile
                        + " fra " + firstYear + " (" + before + ")");
            }
            entries.add(entry);
        }
        return new ProfileRowsTable(entries, lineOf);
    }

    private static String text(CsvTable.Row row, String column) {
        String value = row.text(column);
        if (value.isEmpty()) {
            throw new IllegalStateException(CatalogTables.where(row, column) + ": verdi mangler");
        }
        return value;
    }

    private static int whole(CsvTable.Row row, String column) {
        String value = text(row, column);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(CatalogTables.where(row, column) + ": forventet et heltall, fant '" + value + "'", e);
        }
    }

    private static int year(CsvTable.Row row, String column) {
        int year = whole(row, column);
        if (year < 1900 || year > 2200) {
            throw new IllegalStateException(CatalogTables.where(row, column) + ": " + year + " er ikke et årstall");
        }
        return year;
    }

    /**
     * What is wrong with the profile rows of a catalogue: entries naming an unknown profile or indicator, and the
     * layouts' own problems ({@link ProfileLayouts#problems()}).
     */
    static List<ProfileLayouts.Problem> problems(Catalog catalog) {
        List<ProfileLayouts.Problem> problems = new ArrayList<>();
        Set<String> profiles = new TreeSet<>();
        catalog.profiles().forEach(p -> profiles.add(p.code()));
        for (ProfileEntry e : catalog.profileEntries()) {
            if (!profiles.contains(e.profile())) {
                problems.add(new ProfileLayouts.Problem(e, null, "profile", "ukjent profil " + e.profile() + "; kjente profiler: "
                        + String.join(", ", profiles)));
            }
            if (catalog.findIndicator(e.indicator()).isEmpty()) {
                problems.add(new ProfileLayouts.Problem(e, null, "indicator", "ukjent indikator " + e.indicator()
                        + "; importer den i indicators.csv først"));
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(catalog.layouts().problems());
        }
        return problems;
    }

    /**
     * Refuses profile rows with a problem, naming the line of the file the problem comes from ({@code lineOf}, by
     * entry key) and its column; an entry stored before is named by its key.
     */
    static void check(Catalog catalog, String file, Map<String, String> lineOf) {
        List<ProfileLayouts.Problem> problems = problems(catalog);
        if (problems.isEmpty()) {
            return;
        }
        ProfileLayouts.Problem first = problems.stream()
                .filter(p -> lineOf.containsKey(p.entry().key()) || (p.other() != null && lineOf.containsKey(p.other().key())))
                .findFirst().orElse(problems.get(0));
        ProfileEntry located = lineOf.containsKey(first.entry().key()) || first.other() == null ? first.entry() : first.other();
        String line = lineOf.get(located.key());
        throw new IllegalStateException((line == null ? file + " (lagret rad " + located.key().replace('|', ' ') + ")"
                : file + " " + line) + ", kolonne " + first.column() + ": " + first.message());
    }
}
