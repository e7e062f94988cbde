package no.kostra.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import no.kostra.compute.series.Adjustment;
import no.kostra.service.AnalysisServices;
import no.kostra.service.Services;

/** The analysis routes: ASSS comparisons, series, efficiency, splits and own accounts. Parse, one call, render. */
final class AnalysisRoutes {
    /** More people than any target group a municipality projects (Norway has about 5,6 million inhabitants). */
    private static final double MAX_POPULATION = 100_000_000;

    private final AnalysisServices analysis;
    private final Representations out;
    private final UploadSlots uploads;

    AnalysisRoutes(Services services, ResponseCache cache, UploadSlots uploads) {
        this.analysis = services.analysis();
        this.out = new Representations(services, cache);
        this.uploads = uploads;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/comparison", this::comparison);
        routes.get("/api/comparison/discrepancies", this::discrepancies);
        routes.get("/api/efficiency", this::efficiency);
        routes.get("/api/resource-use", this::resourceUse);
        routes.get("/api/series", this::series);
        routes.post("/api/reference/{file}", uploads.guard(this::importReference));
        routes.get("/api/splits", this::costSplit);
        routes.get("/api/splits/home-care", this::homeCare);
        routes.get("/api/accounts", this::accounts);
        routes.get("/api/accounts/projection", this::projection);
    }

    private void accounts(Context ctx) {
        String area = Params.required(ctx, "area");
        out.respond(ctx, "accounts|" + area, "accounts", revision -> analysis.accounts().accounts(area), AnalysisCsv::accounts);
    }

    /** ?coverage=12.7&population=2025:5000,2030:6500 — coverage in percent, projected target group by year. */
    private void projection(Context ctx) {
        double coverage = Params.numberBetween(ctx, "coverage", 0, 100);
        Map<Integer, Double> population = Params.yearValues(ctx, "population", 0, MAX_POPULATION);
        out.respond(ctx, "projection|" + coverage + "|" + population, "projection",
                revision -> analysis.accounts().projection(coverage, population), AnalysisCsv::projection);
    }

    private void costSplit(Context ctx) {
        String table = Params.required(ctx, "table");
        String function = ctx.queryParam("function");
        out.respond(ctx, "splits|" + table + "|" + function, "split",
                revision -> analysis.splits().costSplit(table, function == null || function.isBlank() ? null : function.trim()),
                AnalysisCsv::costSplit);
    }

    private void homeCare(Context ctx) {
        String region = Params.required(ctx, "region");
        int year = Params.year(ctx, "year");
        out.respond(ctx, "home-care|" + region + "|" + year, "homeCare",
                revision -> analysis.splits().homeCare(region, year), AnalysisCsv::homeCare);
    }

    private void series(Context ctx) {
        String indicator = Params.required(ctx, "indicator");
        List<String> regions = Arrays.stream(Params.required(ctx, "regions").split(",")).map(String::trim)
                .filter(r -> !r.isEmpty()).toList();
        int from = Params.year(ctx, "from");
        int to = Params.year(ctx, "to");
        Adjustment adjust = Adjustment.fromCode(ctx.queryParam("adjust"));
        out.respond(ctx, "series|" + indicator + "|" + regions + "|" + from + "|" + to + "|" + adjust.code(), "series",
                revision -> analysis.series().series(indicator, regions, from, to, adjust), AnalysisCsv::series);
    }

    private void importReference(Context ctx) {
        String file = ctx.pathParam("file");
        int stored = analysis.referenceData().importFile(file, ctx.body());
        ctx.json(Map.of("file", file, "rowsStored", stored));
    }

    private void comparison(Context ctx) {
        String region = Params.required(ctx, "region");
        String indicator = Params.required(ctx, "indicator");
        int year = Params.year(ctx, "year");
        out.respond(ctx, "asss|" + region + "|" + indicator + "|" + year, "comparison",
                revision -> analysis.comparisons().compare(region, indicator, year), AnalysisCsv::comparison);
    }

    private void discrepancies(Context ctx) {
        String indicator = blankAsNull(ctx.queryParam("indicator"));
        String profile = blankAsNull(ctx.queryParam("profile"));
        String group = java.util.Objects.requireNonNullElse(blankAsNull(ctx.queryParam("group")), "ASSS");
        int from = Params.year(ctx, "from");
        int to = Params.year(ctx, "to");
        out.respond(ctx, "discrepancies|" + indicator + "|" + profile + "|" + group + "|" + from + "|" + to, "discrepancies",
                revision -> analysis.comparisons().discrepancies(indicator, profile, group, from, to), AnalysisCsv::discrepancies);
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private void resourceUse(Context ctx) {
        String indicator = Params.required(ctx, "indicator");
        String area = Params.required(ctx, "area");
        int year = Params.year(ctx, "year");
        out.respond(ctx, "resource-use|" + indicator + "|" + area + "|" + year, "resourceUse",
                revision -> analysis.comparisons().resourceUse(indicator, area, year), AnalysisCsv::resourceUse);
    }

    private void efficiency(Context ctx) {
        String region = Params.required(ctx, "region");
        String area = Params.required(ctx, "area");
        int from = Params.year(ctx, "from");
        int to = Params.year(ctx, "to");
        out.respond(ctx, "efficiency|" + region + "|" + area + "|" + from + "|" + to, "efficiency",
                revision -> analysis.efficiency().efficiency(region, area, from, to), AnalysisCsv::efficiency);
    }
}
