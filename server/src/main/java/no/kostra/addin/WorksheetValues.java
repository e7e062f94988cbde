package no.kostra.addin;

import java.util.List;
import java.util.Map;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.Indicator;
import no.kostra.catalog.Region;
import no.kostra.catalog.RegionKind;
import no.kostra.errors.InvalidInputException;
import no.kostra.observation.Figure;
import no.kostra.observation.Preliminary;
import no.kostra.observation.Statistic;
import no.kostra.observation.Status;
import no.kostra.observation.Vintage;
import no.kostra.service.CatalogService;
import no.kostra.store.AnalysisRepository;
import no.kostra.store.FigureRepository;

/**
 * The single figures behind KOSTRA.VERDI, KOSTRA.ASSS and KOSTRA.INDEKS. A figure that is not stored is "not
 * available" (SSB's {@code ..}), never zero. Unknown regions and indicators throw with the catalogue's messages.
 */
public final class WorksheetValues {
    static final String ASSS = "ASSS";
    private static final Figure NOT_STORED = Figure.missing(Status.NOT_AVAILABLE);

    private final CatalogService catalogs;
    private final FigureRepository figures;
    private final AnalysisRepository vintages;

    public WorksheetValues(CatalogService catalogs, FigureRepository figures, AnalysisRepository vintages) {
        this.catalogs = catalogs;
        this.figures = figures;
        this.vintages = vintages;
    }

    /** A municipality's figure for one indicator and year; the region may be named by any code it has had. */
    public Answer value(String regionCode, String indicatorId, int year) {
        Catalog catalog = catalogs.current();
        Region region = municipality(catalog, regionCode);
        Indicator indicator = catalog.requireIndicator(indicatorId);
        return new Answer(region, indicator, catalog.displayName(indicator, year), year,
                municipalityFigure(indicator, region, year).shown());
    }

    /** The published ASSS mean, highest or lowest member value. */
    public Answer asss(String indicatorId, int year, Statistic statistic) {
        Catalog catalog = catalogs.current();
        Indicator indicator = catalog.requireIndicator(indicatorId);
        Region group = catalog.requireRegion(ASSS);
        return new Answer(group, indicator, catalog.displayName(indicator, year), year,
                asssFigure(indicator, year, statistic).shown());
    }

    /** value / ASSS mean × 100 (DESIGN §3, the profile's index): 100 is the ASSS mean; preliminary when either is. */
    public Answer index(String regionCode, String indicatorId, int year) {
        Catalog catalog = catalogs.current();
        Region region = municipality(catalog, regionCode);
        Indicator indicator = catalog.requireIndicator(indicatorId);
        Stored value = municipalityFigure(indicator, region, year);
        Stored mean = asssFigure(indicator, year, Statistic.MEAN);
        String vintage = value.vintage() == null || mean.vintage() == null ? null
                : value.vintage().equals(Vintage.PRELIMINARY.code()) ? value.vintage() : mean.vintage();
        return new Answer(region, indicator, catalog.displayName(indicator, year), year,
                WorksheetFigure.of(onMeanScale(value.figure(), mean.figure()), vintage));
    }

    static Figure onMeanScale(Figure value, Figure mean) {
        if (!value.hasValue()) {
            return value;
        }
        if (!mean.hasValue()) {
            return mean;
        }
        if (mean.value() == 0.0) {
            return Figure.missing(Status.NOT_APPLICABLE);
        }
        // Rounded to a millionth to drop binary noise (97.19999999999999 → 97.2), as the profile does.
        return Figure.of(Math.round(value.value() / mean.value() * 100.0 * 1e6) / 1e6);
    }

    /** A figure as stored, or "not available" when none is, and its vintage (null when none is stored). */
    private record Stored(Figure figure, String vintage) {
        WorksheetFigure shown() {
            return WorksheetFigure.of(figure, vintage);
        }
    }

    private Stored municipalityFigure(Indicator indicator, Region region, int year) {
        Figure figure = figures.municipalityFigures(List.of(indicator.id()), region.code(), year, year)
                .getOrDefault(indicator.id(), Map.of()).get(year);
        return new Stored(figure == null ? NOT_STORED : figure, vintages.preliminary(List.of(indicator.id()),
                List.of(region.code()), year, year).vintage(Preliminary.figure(indicator.id(), region.code(), year), figure != null));
    }

    private Stored asssFigure(Indicator indicator, int year, Statistic statistic) {
        Figure figure = figures.groupFigures(List.of(indicator.id()), ASSS, year)
                .getOrDefault(indicator.id(), Map.of()).get(statistic);
        return new Stored(figure == null ? NOT_STORED : figure, vintages.preliminaryStatistics(List.of(indicator.id()),
                List.of(ASSS), year, year).vintage(Preliminary.statistic(indicator.id(), ASSS, year, statistic), figure != null));
    }

    private static Region municipality(Catalog catalog, String code) {
        Region region = catalog.requireRegion(code);
        if (region.kind() != RegionKind.MUNICIPALITY) {
            throw new InvalidInputException(region.name() + " (" + region.code() + ") er en gruppe, ikke en kommune."
                    + " Bruk KOSTRA.ASSS for gruppens snitt, høyeste og laveste verdi", Map.of("region", code));
        }
        return region;
    }

    /** What was asked, resolved against the catalogue, and the figure. */
    /** @param name the indicator's name as that year's reports print it (with {@code *} for a flat mean that year) */
    public record Answer(Region region, Indicator indicator, String name, int year, WorksheetFigure figure) {
    }
}
