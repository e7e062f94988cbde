package no.kostra.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import no.kostra.errors.InvalidInputException;
import no.kostra.service.Services;

/** {@code GET /api/audit?from=2026-11-01&to=2026-11-30}: every change in the span (dates, UTC; {@code to} included). Admins only. */
final class AuditRoutes {
    private final Services services;

    AuditRoutes(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/audit", this::audit);
    }

    private void audit(Context ctx) {
        LocalDate from = date(ctx, "from");
        LocalDate to = date(ctx, "to");
        if (to.isBefore(from)) {
            throw new InvalidInputException("'to' (" + to + ") kan ikke være før 'from' (" + from + ")", Map.of("from", from, "to", to));
        }
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        ctx.json(Map.of("from", from.toString(), "to", to.toString(), "entries", services.auditLog().between(start, end)));
    }

    private static LocalDate date(Context ctx, String name) {
        String value = Params.required(ctx, name);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("Parameteren '" + name + "' må være en dato som 2026-11-28, fikk '" + value + "'",
                    Map.of("parameter", name, "value", value));
        }
    }
}
