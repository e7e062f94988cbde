package no.kostra.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.Indicator;
import no.kostra.catalog.Region;
import no.kostra.errors.InvalidInputException;
import no.kostra.errors.NotFoundException;
import no.kostra.ingest.ImportFormat;
import no.kostra.ingest.ImportMapping;
import no.kostra.ingest.ImportOptions;
import no.kostra.ingest.ImportReport;
import no.kostra.service.Services;
import no.kostra.store.ChangeRepository;
import no.kostra.store.FigureChange;
import no.kostra.store.ImportLog;
import no.kostra.store.RevisionRepository;

/**
 * {@code POST /api/imports}: the request body is the file (at most {@link App#MAX_REQUEST_BYTES}); the format comes
 * from {@code ?format=}, else the Content-Type, else the first bytes; {@code dryRun=true} answers the report without
 * storing anything, {@code acceptOutliers=true} stores figures that look implausible (else the file is held: 422).
 * {@code GET /api/imports}: the imports, newest first, a page at a time. {@code GET /api/imports/{id}/changes}: every
 * figure an import replaced. {@code GET /api/revisions?region=&indicator=}: a series with every stored revision, joined
 * across municipality numbers. The three GET routes answer CSV with {@code format=csv}.
 */
final class ImportRoutes {
    static final int PAGE = 50;
    static final int MAX_PAGE = 500;

    private final Services services;
    private final RevisionRepository revisions;
    private final ChangeRepository changes;
    private final ImportLog log;

    private final UploadSlots uploads;
    private final WorkTimings timings;

    ImportRoutes(Services services, UploadSlots uploads, WorkTimings timings) {
        this.services = services;
        this.uploads = uploads;
        this.timings = timings;
        this.revisions = new RevisionRepository(services.database());
        this.changes = new ChangeRepository(services.database());
        this.log = new ImportLog(services.database());
    }

    void register(RoutesConfig routes) {
        routes.post("/api/imports", uploads.guard(this::importFile));
        routes.get("/api/imports", this::imports);
        routes.get("/api/imports/{id}/changes", this::changes);
        routes.get("/api/revisions", this::revisions);
    }

    private void importFile(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw new InvalidInputException("Forespørselen har ingen fil: send filen som innhold (body) i POST /api/imports");
        }
        String name = ctx.queryParam("name") == null ? "opplastet fil" : ctx.queryParam("name");
        String format = ctx.queryParam("format");
        ImportOptions options = new ImportOptions(format == null || format.isBlank() ? null : ImportFormat.fromCode(format),
                ctx.contentType(), Params.vintage(ctx), mapping(ctx.queryParam("mapping")))
                .dryRun(Params.flag(ctx, "dryRun")).acceptOutliers(Params.flag(ctx, "acceptOutliers"));
        ImportReport report = timings.importing(options.format(), () -> services.importer().importFile(name, body, options));
        boolean stored = !report.dryRun() && report.added() + report.changed() + report.vintageChanged() > 0;
        ctx.status(stored ? 201 : 200).json(report);
    }

    /** The imports, newest first: {@code limit} (1–500, 50) at a time, older ones from {@code before} (an import number). */
    private void imports(Context ctx) {
        int limit = ctx.queryParam("limit") == null ? PAGE : (int) Params.numberBetween(ctx, "limit", 1, MAX_PAGE);
        Long before = ctx.queryParam("before") == null ? null : importNumber(ctx.queryParam("before"), "before");
        List<ImportLog.Entry> page = log.page(before, limit);
        if (Representations.wantsCsv(ctx)) {
            csv(ctx, "importer", ImportCsv.imports(page));
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("imports", page);
        answer.put("next", page.size() < limit ? null
                : "/api/imports?limit=" + limit + "&before=" + page.get(page.size() - 1).id());
        ctx.json(answer);
    }

    /**
     * Every figure an import replaced, before and after with their vintages and sources: value changes, vintage changes
     * (the same number made final), and the value changes from another source as conflicts.
     */
    private void changes(Context ctx) {
        long id = importNumber(ctx.pathParam("id"), "id");
        if (!changes.exists(id)) {
            throw new NotFoundException("Fant ikke import " + id, Map.of("id", id));
        }
        List<FigureChange> all = changes.changesOf(id);
        if (Representations.wantsCsv(ctx)) {
            csv(ctx, "endringer-import-" + id, ImportCsv.changes(all));
            return;
        }
        List<FigureChange> values = all.stream().filter(c -> c.kind().equals(FigureChange.VALUE)).toList();
        List<FigureChange> vintages = all.stream().filter(c -> c.kind().equals(FigureChange.VINTAGE)).toList();
        List<FigureChange> conflicts = values.stream().filter(FigureChange::isConflict).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("importId", id);
        answer.put("changed", values.size());
        answer.put("vintageChanged", vintages.size());
        answer.put("conflictCount", conflicts.size());
        answer.put("changes", values);
        answer.put("vintageChanges", vintages);
        answer.put("conflicts", conflicts);
        ctx.json(answer);
    }

    private void revisions(Context ctx) {
        Catalog catalog = services.catalogs().current();
        Region region = catalog.requireRegion(Params.required(ctx, "region"));
        Indicator indicator = catalog.requireIndicator(Params.required(ctx, "indicator"));
        List<RevisionRepository.StoredRevision> history = revisions.history(indicator.id(), region.code());
        if (Representations.wantsCsv(ctx)) {
            csv(ctx, "revisjoner-" + region.code() + "-" + indicator.id(), ImportCsv.revisions(indicator.id(), region, history));
            return;
        }
        List<Map<String, Object>> points = history.stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("year", r.year());
            m.put("revision", r.revision());
            m.put("reportedCode", r.reportedCode());
            m.put("value", r.figure().value());
            m.put("status", r.figure().hasValue() ? null : r.figure().status().symbol());
            m.put("vintage", r.vintage().code());
            m.put("source", r.source());
            m.put("importId", r.importId());
            m.put("importName", r.importName());
            m.put("importedAt", r.importedAt().toString());
            return m;
        }).toList();
        ctx.json(Map.of("region", Map.of("code", region.code(), "name", region.name(), "codes", catalog.codesOf(region.code())),
                "indicator", indicator.id(), "revisions", points));
    }

    private static void csv(Context ctx, String name, CsvSheet sheet) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                .contentType("text/csv; charset=utf-8").result(sheet.bytes());
    }

    private static long importNumber(String text, String parameter) {
        try {
            long id = Long.parseLong(text.trim());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw new InvalidInputException("'" + text + "' er ikke et importnummer (" + parameter + ")", Map.of(parameter, text));
    }

    /** A mapping given inline as URL-encoded properties text (key=value lines), or none. */
    private static ImportMapping mapping(String text) {
        return text == null || text.isBlank() ? ImportMapping.defaults() : ImportMapping.parse("mapping", text);
    }
}
