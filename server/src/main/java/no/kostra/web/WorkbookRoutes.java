package no.kostra.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import no.kostra.errors.InvalidInputException;
import no.kostra.service.Services;
import no.kostra.workbook.roundtrip.UploadReport;

/** Returned workbooks: upload (or dry-run) a file, see what happened to it, take back an applied edit, read comments. */
final class WorkbookRoutes {
    private final Services services;

    private final UploadSlots uploads;

    WorkbookRoutes(Services services, UploadSlots uploads) {
        this.services = services;
        this.uploads = uploads;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/workbooks", uploads.guard(this::receive));
        routes.get("/api/workbooks/{id}", ctx -> ctx.json(services.roundTrip().upload(id(ctx))));
        routes.get("/api/workbooks/{id}/file", ctx -> ctx.contentType(ReportRoutes.XLSX).result(services.roundTrip().content(id(ctx))));
        routes.post("/api/workbooks/{id}/edits/{seq}/undo",
                ctx -> ctx.json(services.roundTrip().undo(id(ctx), seq(ctx), AccessControl.caller(ctx))));
        routes.get("/api/comments", ctx -> ctx.json(Map.of("comments",
                services.roundTrip().comments(Params.required(ctx, "region"), Params.year(ctx, "year")))));
    }

    private void receive(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw new InvalidInputException("Forespørselen har ingen fil: send arbeidsboken som innhold (body) i POST /api/workbooks");
        }
        String name = ctx.queryParam("name") == null ? "opplastet arbeidsbok.xlsx" : ctx.queryParam("name");
        UploadReport report = services.roundTrip().receive(name, body, ctx.queryParam("sender"), ctx.queryParam("region"),
                flag(ctx, "dryRun"), flag(ctx, "acceptOutliers"), AccessControl.caller(ctx));
        if (report.confirmationNeeded()) {
            // nothing was stored: a conflict with what is stored, which the person resolves by confirming the figures
            ctx.status(409).json(new ApiError(report.heldSentence("send arbeidsboken på nytt med acceptOutliers=true"), report,
                    RequestIds.of(ctx)));
            return;
        }
        ctx.status(report.uploadId() != null ? 201 : 200).json(report);
    }

    /** A yes/no parameter: absent is no; anything but true or false is refused, so a typo never stores what a dry run would not. */
    private static boolean flag(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidInputException("'" + value + "' er ikke en gyldig verdi for " + name + "; bruk true eller false",
                Map.of("field", name, "value", value));
    }

    private static String id(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new InvalidInputException("'" + id + "' er ikke en adresse til en innsendt arbeidsbok", Map.of("id", id));
        }
        return id;
    }

    private static int seq(Context ctx) {
        try {
            return Integer.parseInt(ctx.pathParam("seq"));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("'" + ctx.pathParam("seq") + "' er ikke et endringsnummer");
        }
    }
}
