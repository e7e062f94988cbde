package no.kostra.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import no.kostra.errors.InvalidInputException;
import no.kostra.service.Services;
import no.kostra.workbook.powerquery.DataColumn;
import no.kostra.workbook.powerquery.DataRoute;
import no.kostra.workbook.powerquery.DataTable;

/**
 * The data routes made for Power Query ({@code Web.Contents}): each table the service fills, as one flat table in JSON
 * (numbers as numbers, status symbols as text) or CSV, from the same response cache as the profile route. Every answer
 * carries a weak ETag of the data revision, so a refresh that finds the data unchanged is a 304 with no body.
 */
final class DataRoutes {
    /** More profiles than a summary has would only make one request do a great deal of work. */
    private static final int MAX_PROFILES = 20;
    /** The answer depends on the format asked ({@code Accept}) and on gzip. */
    private static final String VARY = "Accept, Accept-Encoding";

    private final Services services;
    private final ResponseCache cache;

    DataRoutes(Services services, ResponseCache cache) {
        this.services = services;
        this.cache = cache;
    }

    void register(RoutesConfig routes) {
        routes.get("/" + DataRoute.PROFILE.path(), this::profile);
        routes.get("/" + DataRoute.SERIES.path(), ctx -> areaTable(ctx, DataRoute.SERIES, services.dataTables()::series));
        routes.get("/" + DataRoute.EFFICIENCY.path(), ctx -> areaTable(ctx, DataRoute.EFFICIENCY, services.dataTables()::efficiency));
        routes.get("/" + DataRoute.SPLITS.path(), this::splits);
    }

    private void profile(Context ctx) {
        String region = Params.required(ctx, "region");
        List<String> profiles = profiles(ctx);
        int year = Params.year(ctx, "year");
        answer(ctx, "profile|" + region + "|" + profiles + "|" + year,
                revision -> services.dataTables().profiles(region, profiles, year, revision));
    }

    /** A table of an area for a municipality and report year (series, efficiency). */
    private void areaTable(Context ctx, DataRoute route, AreaTable table) {
        String region = Params.required(ctx, "region");
        String area = Params.required(ctx, "area");
        int year = Params.year(ctx, "year");
        answer(ctx, route + "|" + region + "|" + area + "|" + year, revision -> table.of(region, area, year, revision));
    }

    @FunctionalInterface
    private interface AreaTable {
        DataTable of(String region, String area, int year, long revision);
    }

    private void splits(Context ctx) {
        String table = Params.required(ctx, "table");
        String function = ctx.queryParam("function") == null || ctx.queryParam("function").isBlank() ? null
                : ctx.queryParam("function").trim();
        answer(ctx, "splits|" + table + "|" + function, revision -> services.dataTables().splits(table, function, revision));
    }

    /** One profile code or several, comma-separated (the summary). */
    private static List<String> profiles(Context ctx) {
        String value = Params.required(ctx, "area");
        // A loop, not a stream: this runs on every refresh of every table, where the answer itself is cached.
        List<String> codes = new ArrayList<>();
        for (String code : value.split(",")) {
            if (!code.isBlank()) {
                codes.add(code.trim());
            }
        }
        if (codes.isEmpty() || codes.size() > MAX_PROFILES) {
            throw new InvalidInputException("Parameteren 'area' må nevne " + (codes.isEmpty() ? "minst én profil"
                    : "høyst " + MAX_PROFILES + " profiler") + ", fikk '" + value + "'", Map.of("parameter", "area", "value", value));
        }
        return codes;
    }

    private void answer(Context ctx, String key, LongFunction<DataTable> table) {
        long revision = services.figures().dataRevision();
        boolean csv = Representations.wantsCsv(ctx);
        CachedBody body = csv
                ? cache.getRendered(revision, "data|" + key + "|csv", () -> csv(table.apply(revision)).bytes())
                : cache.get(revision, "data|" + key, () -> json(table.apply(revision)));
        String tag = EntityTags.weak(revision + (csv ? "-csv" : "-json"));
        ctx.header("ETag", tag).header("Cache-Control", "no-cache");
        if (EntityTags.matches(ctx.header("If-None-Match"), tag)) {
            ctx.status(304).header("Vary", VARY);
            return;
        }
        body.send(ctx, csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8", VARY);
    }

    private static Map<String, Object> json(DataTable table) {
        List<Map<String, Object>> columns = table.columns().stream().map(c -> Map.<String, Object>of("name", c.name(),
                "header", c.header(), "kind", c.kind().code())).toList();
        List<Map<String, Object>> rows = table.rows().stream().map(row -> {
            Map<String, Object> record = new LinkedHashMap<>();
            for (int i = 0; i < row.size(); i++) {
                record.put(table.columns().get(i).name(), row.get(i));
            }
            return record;
        }).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("dataRevision", table.dataRevision());
        answer.put("table", table.name());
        answer.put("columns", columns);
        answer.put("rows", rows);
        return answer;
    }

    private static CsvSheet csv(DataTable table) {
        return new CsvSheet(table.columns().stream().map(DataColumn::name).toList(), table.rows());
    }
}
