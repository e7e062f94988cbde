package no.kostra.workbook;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.Region;
import no.kostra.compute.ProfileTable;
import no.kostra.service.CatalogService;
import no.kostra.service.ProfileService;
import no.kostra.compute.efficiency.EfficiencyReport;
import no.kostra.service.EfficiencyService;
import no.kostra.store.FigureRepository;

/**
 * Fills report templates for a municipality and year: gathers the figures (profiles from {@link ProfileService},
 * series as stored), fills a fresh copy of the template, signs its provenance. Thread-safe; each fill opens its own
 * copy of the template.
 */
public final class ReportService {
    private final CatalogService catalogs;
    private final ProfileService profiles;
    private final FigureRepository figures;
    private final EfficiencyService efficiency;
    private final SigningKeys signingKeys;
    private final Clock clock;
    private final SeriesGatherer series;
    private final Map<String, byte[]> templateFiles = new ConcurrentHashMap<>();

    public ReportService(CatalogService catalogs, ProfileService profiles, FigureRepository figures,
                         EfficiencyService efficiency, SigningKeys signingKeys, Clock clock) {
        this.catalogs = catalogs;
        this.profiles = profiles;
        this.figures = figures;
        this.efficiency = efficiency;
        this.signingKeys = signingKeys;
        this.clock = clock;
        this.series = new SeriesGatherer(figures);
    }

    public List<ReportTemplate> templates() {
        return ReportTemplates.all();
    }

    /** Fills one template; an unknown template id or region is a {@link no.kostra.errors.NotFoundException}. */
    public FilledReport fill(String templateId, String region, int year) {
        ReportTemplate template = ReportTemplates.require(templateId);
        ReportData data = gather(template, region, year);
        try (TemplateWorkbook workbook = open(template)) {
            return new FilledReport(template, data.region(), year, data.dataRevision(),
                    new ReportFiller(signingKeys.current()).fill(workbook, data));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Fills every named template (all when none is named) for every region, templates first in the given order. */
    public List<FilledReport> fillAll(List<String> templateIds, List<String> regions, int year) {
        List<String> ids = templateIds.isEmpty() ? templates().stream().map(ReportTemplate::id).toList() : templateIds;
        ids.forEach(ReportTemplates::require); // refuse an unknown id before filling anything
        List<FilledReport> filled = new ArrayList<>();
        for (String region : regions) {
            for (String id : ids) {
                filled.add(fill(id, region, year));
            }
        }
        return filled;
    }

    /** Opens a fresh, checked copy of a template. */
    public TemplateWorkbook open(ReportTemplate template) {
        return TemplateWorkbook.open(template, templateFiles.computeIfAbsent(template.id(), k -> ReportTemplates.packagedBytes(template)));
    }

    /** Everything the template shows, read once, before any cell is written. */
    public ReportData gather(ReportTemplate template, String region, int year) {
        long revision = figures.dataRevision();
        Catalog catalog = catalogs.at(revision);
        Map<String, ProfileTable> tables = new LinkedHashMap<>();
        for (String code : template.profileCodes()) {
            tables.put(code, profiles.profile(region, code, year));
        }
        Region found = catalog.requireRegion(region);
        ProfileTable.RegionRef ref = new ProfileTable.RegionRef(found.code(), found.name(), region.trim());
        List<Integer> seriesYears = IntStream.rangeClosed(year - SeriesColumn.YEARS_SHOWN + 1, year).boxed().toList();
        Map<String, List<SeriesRow>> seriesRows = new LinkedHashMap<>();
        Map<String, EfficiencyReport> splits = new LinkedHashMap<>();
        for (TemplatePart part : template.parts()) {
            if (part instanceof TemplatePart.Series s) {
                seriesRows.put(s.area(), series.gather(catalog, s.area(), found.code(), seriesYears));
            } else if (part instanceof TemplatePart.Efficiency e) {
                efficiencySplit(found.code(), e.area(), year).ifPresent(split -> splits.put(e.area(), split));
            }
        }
        return new ReportData(template, ref, year, revision, clock.instant(), tables, seriesRows, seriesYears, splits);
    }

    /** The split for the report year and the three before; none when nothing is stored for the area. */
    private java.util.Optional<EfficiencyReport> efficiencySplit(String region, String area, int year) {
        try {
            return java.util.Optional.of(efficiency.efficiency(region, area, year - SeriesColumn.YEARS_SHOWN + 1, year));
        } catch (no.kostra.errors.NotFoundException e) {
            return java.util.Optional.empty();
        }
    }
}
