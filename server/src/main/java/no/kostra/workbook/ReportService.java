package no.kostra.workbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.Region;
import no.kostra.compute.ProfileTable;
import no.kostra.compute.barometer.Standings;
import no.kostra.compute.efficiency.EfficiencyReport;
import no.kostra.compute.summary.AreaFigures;
import no.kostra.errors.NotFoundException;
import no.kostra.service.CatalogService;
import no.kostra.service.AnalysisServices;
import no.kostra.service.ProfileService;
import no.kostra.store.FigureRepository;

/**
 * Fills report templates for a municipality and year: gathers the figures (profiles from {@link ProfileService},
 * series as stored), fills a fresh copy of the template, signs its provenance. The templates are the current
 * catalogue's ({@link ReportTemplates}). Thread-safe; each fill opens its own copy of the template.
 */
public final class ReportService {
    private final CatalogService catalogs;
    private final ProfileService profiles;
    private final FigureRepository figures;
    private final AnalysisServices analysis;
    private final SigningKeys signingKeys;
    private final TemplateFiles files;
    private final Clock clock;
    private final SeriesGatherer series;
    private final SummaryGatherer summaries;
    /** The templates of the catalogue snapshot last asked for (a snapshot is one object per data revision). */
    private final AtomicReference<Derived> derived = new AtomicReference<>();

    private record Derived(Catalog catalog, ReportTemplates templates) {
    }

    public ReportService(CatalogService catalogs, ProfileService profiles, FigureRepository figures,
                         AnalysisServices analysis, SigningKeys signingKeys, TemplateFiles files, Clock clock) {
        this.catalogs = catalogs;
        this.profiles = profiles;
        this.figures = figures;
        this.analysis = analysis;
        this.signingKeys = signingKeys;
        this.files = files;
        this.clock = clock;
        this.series = new SeriesGatherer(figures);
        this.summaries = new SummaryGatherer(analysis.comparisons());
    }

    /** The current catalogue's templates. */
    public ReportTemplates templates() {
        return templates(catalogs.current());
    }

    private ReportTemplates templates(Catalog catalog) {
        Derived d = derived.get();
        if (d == null || d.catalog() != catalog) {
            d = new Derived(catalog, ReportTemplates.of(catalog));
            derived.set(d);
        }
        return d.templates();
    }

    /** Fills one template; an unknown template id or region is a {@link NotFoundException}. */
    public FilledReport fill(String templateId, String region, int year) {
        ReportTemplate template = templates().require(templateId);
        ReportData data = gather(template, region, year);
        try (TemplateWorkbook workbook = open(template)) {
            return new FilledReport(template, data.region(), year, data.dataRevision(),
                    new ReportFiller(signingKeys.current()).fill(workbook, data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A workbook a batch left out, and why (in bokmål, as the fill refused it). */
    public record Skipped(String templateId, String region, String reason) {
    }

    /**
     * Fills every named template (all when none is named) for every region on {@code threads} threads, handing each
     * workbook to {@code sink} as soon as it is filled (on the thread that filled it; the sink must be thread-safe).
     * A workbook the stored figures cannot fill (a municipality or year without figures: {@link NotFoundException}) is
     * left out and returned when {@code skipWithoutFigures}, else it ends the batch with that error. An unknown
     * template id is refused before anything is filled.
     *
     * @return the workbooks left out, in the order of the regions and templates
     */
    public List<Skipped> fillAll(List<String> templateIds, List<String> regions, int year, int threads,
                                 boolean skipWithoutFigures, Consumer<FilledReport> sink) {
        ReportTemplates current = templates();
        List<String> ids = templateIds.isEmpty() ? current.all().stream().map(ReportTemplate::id).toList() : templateIds;
        ids.forEach(current::require);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<Skipped>> tasks = new ArrayList<>();
            for (String region : regions) {
                for (String id : ids) {
                    tasks.add(pool.submit(() -> {
                        try {
                            sink.accept(fill(id, region, year));
                            return null;
                        } catch (NotFoundException e) {
                            if (!skipWithoutFigures) {
                                throw e;
                            }
                            return new Skipped(id, region, e.getMessage());
                        }
                    }));
                }
            }
            List<Skipped> skipped = new ArrayList<>();
            for (Future<Skipped> task : tasks) {
                Skipped s = task.get();
                if (s != null) {
                    skipped.add(s);
                }
            }
            return skipped;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while filling workbooks", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Opens a fresh, checked copy of a template. */
    public TemplateWorkbook open(ReportTemplate template) {
        return TemplateWorkbook.open(template, templateFile(template));
    }

    /** The template's file: the analyst's edited copy if there is one, else the designed one. */
    public byte[] templateFile(ReportTemplate template) {
        return files.bytes(template);
    }

    /** Everything the template shows, read once, before any cell is written. */
    public ReportData gather(ReportTemplate template, String region, int year) {
        long revision = figures.dataRevision();
        Catalog catalog = catalogs.at(revision);
        Region found = catalog.requireRegion(region);
        Map<String, ProfileTable> tables = new LinkedHashMap<>();
        Map<String, String> absent = new LinkedHashMap<>();
        for (String code : template.profileCodes()) {
            profile(catalog, found, region, code, year).ifPresentOrElse(t -> tables.put(code, t),
                    () -> absent.put(code, absentNote(catalog, found, code, year)));
        }
        if (tables.isEmpty()) {
            // nothing to show: refused as /api/profile refuses the first profile (a group, no figures, no layout)
            profiles.profile(region, template.profileCodes().get(0), year);
        }
        ProfileTable.RegionRef ref = new ProfileTable.RegionRef(found.code(), found.name(), region.trim());
        List<Integer> seriesYears = IntStream.rangeClosed(year - SeriesColumn.YEARS_SHOWN + 1, year).boxed().toList();
        Map<String, List<SeriesRow>> seriesRows = new LinkedHashMap<>();
        Map<String, EfficiencyReport> splits = new LinkedHashMap<>();
        Standings barometer = null;
        List<AreaFigures> areas = List.of();
        for (TemplatePart part : template.parts()) {
            if (part instanceof TemplatePart.Series s) {
                seriesRows.put(s.area(), series.gather(catalog, s.area(), found.code(), seriesYears));
            } else if (part instanceof TemplatePart.Efficiency e) {
                efficiencySplit(found.code(), e.area(), year).ifPresent(split -> splits.put(e.area(), split));
            } else if ((part instanceof TemplatePart.Barometer || part instanceof TemplatePart.BarometerSummary
                    || part instanceof TemplatePart.Overview) && barometer == null) {
                // the barometer of the year after ranks on the report year's figures (003: "Kommunebarometeret for 2019" in a 2018 report)
                barometer = Standings.of(year + 1, found.code(), found.name(), analysis.kommunebarometer().edition(year + 1), List.of(),
                        catalog.membersOf(ProfileTableWriter.ASSS, year));
            }
        }
        for (TemplatePart part : template.parts()) {
            if (part instanceof TemplatePart.Overview overview) {
                areas = summaries.gather(catalog, found, year, overview, tables, absent, area -> efficiencySplit(found.code(), area, year),
                        barometer);
            }
        }
        return new ReportData(template, ref, year, revision, clock.instant(), tables, absent, seriesRows, seriesYears, splits,
                barometer, areas);
    }

    /** The profile for the year, or none when the year has no layout for it or no figures for the municipality. */
    private Optional<ProfileTable> profile(Catalog catalog, Region region, String asked, String code, int year) {
        if (catalog.profileRows(code, year).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(profiles.profile(asked, code, year));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** Why a profile's table is empty, in words the reader can act on. */
    private static String absentNote(Catalog catalog, Region region, String code, int year) {
        String title = catalog.requireProfile(code).title();
        if (catalog.profileRows(code, year).isEmpty()) {
            SortedSet<Integer> starts = catalog.layouts().starts(code);
            return "Ingen tjenesteprofil for " + title + " i " + year + ": katalogen har ikke profilens rader for " + year
                    + (starts.isEmpty() ? "" : " (de første er fra " + starts.first() + ")")
                    + ". Importer profile_rows.csv for " + year + " for å fylle tabellen.";
        }
        return "Ingen tall for " + region.name() + " i " + title + " for " + year + ". Tabellen fylles når tallene er importert.";
    }

    /** The split for the report year and the three before; none when nothing is stored for the area. */
    private Optional<EfficiencyReport> efficiencySplit(String region, String area, int year) {
        try {
            return Optional.of(analysis.efficiency().efficiency(region, area, year - SeriesColumn.YEARS_SHOWN + 1, year));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
