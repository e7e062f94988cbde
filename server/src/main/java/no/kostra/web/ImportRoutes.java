package no.kostra.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.Indicator;
import no.kostra.catalog.Region;
import no.kostra.ingest.ImportFormat;
import no.kostra.ingest.ImportMapping;
import no.kostra.ingest.ImportOptions;
import no.kostra.ingest.ImportReport;
import no.kostra.errors.InvalidInputException;
import no.kostra.errors.NotFoundException;
import no.kostra.service.Services;
import no.kostra.store.ChangeRepository;
import no.kostra.store.FigureChange;
import no.kostra.store.RevisionRepository;

/**
 * {@code POST /api/imports}: the request body is the file (at most {@link App#MAX_REQUEST_BYTES}); the format comes
 * from {@code ?format=}, else the Content-Type, else the first bytes. Answers the import report.
 * {@code GET /api/revisions?region=&indicator=}: a series with every stored revision, joined across municipality numbers.
 */
final class ImportRoutes {
    private final Services services;
    private final RevisionRepository revisions;
    private final ChangeRepository changes;

    private final UploadSlots uploads;
    private final WorkTimings timings;

    ImportRoutes(Services services, UploadSlots uploads, WorkTimings timings) {
        this.services = services;
        this.uploads = uploads;
        this.timings = timings;
        this.revisions = new RevisionRepository(services.database());
        this.changes = new ChangeRepository(services.database());
    }

    void register(RoutesConfig routes) {
        routes.post("/api/imports", uploads.guard(this::importFile));
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
                ctx.contentType(), Params.vintage(ctx), mapping(ctx.queryParam("mapping")));
        ImportReport report = timings.importing(options.format(), () -> services.importer().importFile(name, body, options));
        ctx.status(report.added() + report.changed() > 0 ? 201 : 200).json(report);
    }

    /** Every figure an import replaced, before and after with their sources; those from another source also as conflicts. */
    private void changes(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("'" + ctx.pathParam("id") + "' er ikke et importnummer", Map.of("id", ctx.pathParam("id")));
        }
        if (!changes.exists(id)) {
            throw new NotFoundException("Fant ikke import " + id, Map.of("id", id));
        }
        List<FigureChange> all = changes.changesOf(id);
        ctx.json(Map.of("importId", id, "changes", all, "conflicts", all.stream().filter(FigureChange::fromAnotherSource).toList()));
    }

    private void revisions(Context ctx) {
        Catalog catalog = services.catalogs().current();
        Region region = catalog.requireRegion(Params.required(ctx, "region"));
        Indicator indicator = catalog.requireIndicator(Params.required(ctx, "indicator"));
        List<Map<String, Object>> points = revisions.history(indicator.id(), region.code()).stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("year", r.year());
            m.put("revision", r.revision());
            m.put("reportedCode", r.reportedCode());
            m.put("value", r.figure().value());
            m.put("status", r.figure().hasValue() ? null : r.figure().status().symbol());
            m.put("vintage", r.vintage().code());
            m.put("source", r.source());
            m.put("importId", r.importId());
            return m;
        }).toList();
        ctx.json(Map.of("region", Map.of("code", region.code(), "name", region.name(), "codes", catalog.codesOf(region.code())),
                "indicator", indicator.id(), "revisions", points));
    }

    /** A mapping given inline as URL-encoded properties text (key=value lines), or none. */
    private static ImportMapping mapping(String text) {
        return text == null || text.isBlank() ? ImportMapping.defaults() : ImportMapping.parse("mapping", text);
    }
}
