package no.kostra.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.Indicator;
import no.kostra.catalog.LayoutRow;
import no.kostra.catalog.ProfileDefinition;

/**
 * The catalogue as the {@code /api/areas} and {@code /api/indicators} routes show it for a year: each profile's rows
 * are that year's layout (rows, categories, order, mean kinds). Pure.
 */
final class CatalogViews {
    private CatalogViews() {
    }

    /** The year a route shows when none is asked for: the newest year a profile layout starts in. */
    static Integer defaultYear(Catalog catalog) {
        return catalog.newestLayoutYear().orElse(null);
    }

    static Map<String, Object> areas(Catalog catalog, Integer year) {
        Map<String, Map<String, Object>> byArea = new LinkedHashMap<>();
        for (ProfileDefinition p : catalog.profiles()) {
            Map<String, Object> area = byArea.computeIfAbsent(p.area(), a -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("code", a);
                m.put("title", p.areaTitle());
                m.put("profiles", new ArrayList<Map<String, Object>>());
                return m;
            });
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> profiles = (List<Map<String, Object>>) area.get("profiles");
            Map<String, Object> profile = new LinkedHashMap<>();
            profile.put("code", p.code());
            profile.put("title", p.title());
            profile.put("rows", year == null ? 0 : catalog.profileRows(p.code(), year).size());
            profile.put("layoutYears", List.copyOf(catalog.layouts().starts(p.code())));
            profiles.add(profile);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("year", year);
        out.put("areas", List.copyOf(byArea.values()));
        return out;
    }

    /**
     * An area's indicators (its profiles' rows of the year first, each indicator once, then the rest, e.g. series), or
     * a profile's rows of the year.
     */
    static Map<String, Object> indicators(Catalog catalog, String areaOrProfile, Integer year) {
        String code = areaOrProfile.trim().toUpperCase(Locale.ROOT);
        List<Map<String, Object>> out = new ArrayList<>();
        if (catalog.areas().contains(code)) {
            Set<String> shown = new LinkedHashSet<>();
            for (ProfileDefinition p : catalog.profiles()) {
                if (p.area().equals(code) && year != null) {
                    for (LayoutRow row : catalog.profileRows(p.code(), year)) {
                        if (shown.add(row.indicator().id())) {
                            out.add(view(row.indicator(), p.code(), row, year, catalog));
                        }
                    }
                }
            }
            for (Indicator i : catalog.indicatorsOfArea(code)) {
                if (shown.add(i.id())) {
                    out.add(view(i, null, null, year, catalog));
                }
            }
        } else {
            ProfileDefinition profile = catalog.requireProfile(code);
            if (year != null) {
                catalog.profileRows(profile.code(), year)
                        .forEach(row -> out.add(view(row.indicator(), profile.code(), row, year, catalog)));
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("area", code);
        answer.put("year", year);
        answer.put("indicators", out);
        return answer;
    }

    /** An indicator, and where the year's layout places it: profile, category, place and mean kind (null outside one). */
    private static Map<String, Object> view(Indicator i, String profile, LayoutRow row, Integer year, Catalog catalog) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("area", i.area());
        m.put("profile", profile);
        m.put("category", row == null ? null : row.category());
        m.put("sortOrder", row == null ? i.sortOrder() : row.sort());
        m.put("name", i.name());
        m.put("displayName", row != null ? row.displayName() : year == null ? i.meanKind().mark(i.name()) : catalog.displayName(i, year));
        m.put("unit", i.unit());
        m.put("decimals", i.decimals());
        m.put("meanKind", row != null ? row.meanKind() : year == null ? i.meanKind() : catalog.meanKind(i, year));
        m.put("higherIsMore", i.higherIsMore());
        m.put("source", i.source());
        m.put("weightIndicator", i.weightIndicator());
        m.put("shortName", i.shortName());
        return m;
    }
}
