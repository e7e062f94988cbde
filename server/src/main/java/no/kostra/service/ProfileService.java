package no.kostra.service;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.LayoutRow;
import no.kostra.catalog.ProfileEntry;
import no.kostra.catalog.ProfileDefinition;
import no.kostra.catalog.Region;
import no.kostra.catalog.RegionKind;
import no.kostra.compute.ProfileCalculator;
import no.kostra.compute.ProfileInputs;
import no.kostra.compute.ProfileTable;
import no.kostra.errors.InvalidInputException;
import no.kostra.errors.NotFoundException;
import no.kostra.observation.Figure;
import no.kostra.store.CommentRepository;
import no.kostra.store.FigureRepository;

/** Reads what a service profile needs and hands it to {@link ProfileCalculator}. */
public final class ProfileService {
    static final String ASSS = "ASSS";
    /** Asker, the neighbour every report compares Bærum with. */
    static final String NEIGHBOUR = "3203";

    private final CatalogService catalogs;
    private final FigureRepository figures;
    private final CommentRepository comments;

    public ProfileService(CatalogService catalogs, FigureRepository figures, CommentRepository comments) {
        this.catalogs = catalogs;
        this.figures = figures;
        this.comments = comments;
    }

    /** The neighbour the reports compare with (Asker), unless the profile is Asker's own. */
    private Map<String, Map<String, Figure>> neighbours(Catalog catalog, Region region,
                                                                               List<String> ids, int year) {
        Map<String, Map<String, Figure>> out = new LinkedHashMap<>();
        catalog.findRegion(NEIGHBOUR).filter(n -> !n.code().equals(region.code())).ifPresent(n -> {
            Map<String, Figure> values = new HashMap<>();
            figures.municipalityFigures(ids, n.code(), year, year).forEach((id, byYear) -> {
                if (byYear.containsKey(year)) {
                    values.put(id, byYear.get(year));
                }
            });
            out.put(n.name(), values);
        });
        return out;
    }

    public ProfileTable profile(String regionCode, String profileCode, int year) {
        Catalog catalog = catalogs.current();
        Region region = catalog.requireRegion(regionCode);
        if (region.kind() != RegionKind.MUNICIPALITY) {
            throw new InvalidInputException(region.name() + " (" + region.code() + ") er en gruppe, ikke en kommune",
                    Map.of("region", regionCode));
        }
        ProfileDefinition profile = catalog.requireProfile(profileCode);
        List<LayoutRow> rows = catalog.profileRows(profile.code(), year);
        // Without a layout for the year, the years with figures are those of any of the profile's layouts' rows.
        List<String> ids = rows.isEmpty()
                ? catalog.profileEntries().stream().filter(e -> e.profile().equals(profile.code())).map(ProfileEntry::indicator)
                        .distinct().toList()
                : rows.stream().map(r -> r.indicator().id()).toList();

        SortedSet<Integer> years = figures.yearsWithData(ids, region.code());
        if (!years.contains(year)) {
            throw new NotFoundException("Ingen tall for " + region.name() + " i " + profile.title() + " for " + year
                    + (years.isEmpty() ? "" : ". År med tall: " + years), Map.of("year", year, "yearsWithData", List.copyOf(years)));
        }
        if (rows.isEmpty()) {
            SortedSet<Integer> starts = catalog.layouts().starts(profile.code());
            throw new NotFoundException(profile.title() + " har ingen rader for " + year
                    + (starts.isEmpty() ? "; importer profile_rows.csv for profilen"
                            : "; profilens oppsett (profile_rows.csv) begynner i " + starts),
                    Map.of("year", year, "profile", profile.code(), "layoutsStart", List.copyOf(starts)));
        }
        ProfileInputs inputs = new ProfileInputs(
                figures.municipalityFigures(ids, region.code(), year - ProfileCalculator.YEARS_SHOWN + 1, year),
                figures.groupFigures(ids, ASSS, year), neighbours(catalog, region, ids, year),
                comments.current(region.code(), year));
        return ProfileCalculator.compute(region, regionCode.trim(), profile, rows, year, inputs);
    }
}
