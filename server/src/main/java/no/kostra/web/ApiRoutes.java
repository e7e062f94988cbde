package no.kostra.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.Region;
import no.kostra.service.AvailableYears;
import no.kostra.service.Services;
import no.kostra.store.Database;
import no.kostra.store.DataRevision;

/** The catalogue, health and profile routes. Handlers parse, make one call and render. */
final class ApiRoutes {
    private static final Map<String, String> VERSION = Map.of("service", "kostra-workbench", "version", "0.1.0");

    private final Services services;
    private final ResponseCache cache;

    ApiRoutes(Services services, ResponseCache cache) {
        this.services = services;
        this.cache = cache;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/health", this::health);
        routes.get("/api/ready", this::ready);
        routes.get("/api/version", ctx -> ctx.json(VERSION));
        routes.get("/api/regions", ctx -> cached(ctx, "regions", revision -> regions(services.catalogs().at(revision))));
        routes.get("/api/areas", this::areas);
        routes.get("/api/indicators", this::indicators);
        routes.get("/api/profile", this::profile);
        routes.get("/api/years", this::years);
    }

    /** ?region=3201&area=KHT (both optional; an area needs a region): the years the pane offers. */
    private void years(Context ctx) {
        String region = Params.optional(ctx, "region");
        String area = Params.optional(ctx, "area");
        cached(ctx, "years|" + region + "|" + area, revision -> {
            AvailableYears years = services.profiles().years(region, area);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("region", years.region().map(r -> pair("code", r.code(), "name", r.name())).orElse(null));
            out.put("profile", years.profile().map(p -> pair("code", p.code(), "title", p.title())).orElse(null));
            out.put("withFigures", years.withFigures());
            out.put("withProfile", years.withProfile().orElse(null));
            out.put("newest", years.newest().orElse(null));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("dataRevision", revision);
            answer.put("years", out);
            return answer;
        });
    }

    private void health(Context ctx) {
        long revision = services.database().probe(DataRevision::current);
        ctx.json(Map.of("status", "ok", "dataRevision", revision));
    }

    /** Ready to serve: the database answers and holds the newest migration this build knows. */
    private void ready(Context ctx) {
        ctx.json(services.database().probe(c -> Map.of("status", "ready", "dataRevision", DataRevision.current(c),
                "schemaVersion", Database.schemaVersion(c))));
    }

    private void areas(Context ctx) {
        Integer asked = ctx.queryParam("year") == null ? null : Params.year(ctx, "year");
        cached(ctx, "areas|" + asked, revision -> {
            Catalog catalog = services.catalogs().at(revision);
            return CatalogViews.areas(catalog, asked == null ? CatalogViews.defaultYear(catalog) : asked);
        });
    }

    private void indicators(Context ctx) {
        String area = ctx.queryParam("area");
        Integer asked = ctx.queryParam("year") == null ? null : Params.year(ctx, "year");
        cached(ctx, "indicators|" + area + "|" + asked, revision -> {
            Catalog catalog = services.catalogs().at(revision);
            if (area == null || area.isBlank()) {
                return Map.of("indicators", catalog.indicators());
            }
            return CatalogViews.indicators(catalog, area, asked == null ? CatalogViews.defaultYear(catalog) : asked);
        });
    }

    private void profile(Context ctx) {
        String region = Params.required(ctx, "region");
        String area = Params.required(ctx, "area");
        int year = Params.year(ctx, "year");
        new Representations(services, cache).respond(ctx, "profile|" + region + "|" + area + "|" + year, "profile",
                revision -> services.profiles().profile(region, area, year), AnalysisCsv::profile);
    }

    private static Map<String, Object> pair(String key, Object value, String otherKey, Object other) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        m.put(otherKey, other);
        return m;
    }

    private void cached(Context ctx, String key, java.util.function.LongFunction<Object> render) {
        long revision = services.figures().dataRevision();
        cache.get(revision, key, () -> render.apply(revision)).send(ctx, "application/json; charset=utf-8");
    }

    private static Map<String, Object> regions(Catalog catalog) {
        List<Map<String, Object>> out = catalog.regions().stream().map(r -> region(catalog, r)).toList();
        return Map.of("regions", out);
    }

    private static Map<String, Object> region(Catalog catalog, Region r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", r.code());
        m.put("name", r.name());
        m.put("kind", r.kind().code());
        m.put("formerCodes", catalog.codesOf(r.code()).subList(1, catalog.codesOf(r.code()).size()));
        return m;
    }
}
