package no.kostra.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import no.kostra.service.AnalysisServices;
import no.kostra.service.Services;

/** The analysis routes: ASSS comparisons, series, efficiency, splits and own accounts. Parse, one call, render. */
final class AnalysisRoutes {
    private final AnalysisServices analysis;
    private final Representations out;

    AnalysisRoutes(Services services, ResponseCache cache) {
        this.analysis = services.analysis();
        this.out = new Representations(services, cache);
    }

    void register(RoutesConfig routes) {
        routes.get("/api/asss", this::comparison);
        routes.get("/api/asss/discrepancies", this::discrepancies);
        routes.get("/api/efficiency", this::efficiency);
    }

    private void comparison(Context ctx) {
        String region = Params.required(ctx, "region");
        String indicator = Params.required(ctx, "indicator");
        int year = Params.year(ctx, "year");
        out.respond(ctx, "asss|" + region + "|" + indicator + "|" + year, "comparison",
                revision -> analysis.comparisons().compare(region, indicator, year), AnalysisCsv::comparison);
    }

    private void discrepancies(Context ctx) {
        String indicator = ctx.queryParam("indicator");
        int from = Params.year(ctx, "from");
        int to = Params.year(ctx, "to");
        out.respond(ctx, "discrepancies|" + indicator + "|" + from + "|" + to, "discrepancies",
                revision -> analysis.comparisons().discrepancies(indicator == null || indicator.isBlank() ? null : indicator.trim(), from, to),
                AnalysisCsv::discrepancies);
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
