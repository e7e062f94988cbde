package no.kostra.web;

import io.javalin.http.Context;
import java.util.Map;
import no.kostra.errors.InvalidInputException;

/** Query parameter parsing with errors that name the parameter and what was expected. */
final class Params {
    static final int FIRST_YEAR = 1990;
    static final int LAST_YEAR = 2100;

    private Params() {
    }

    static String required(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("Parameteren '" + name + "' mangler", Map.of("parameter", name));
        }
        return value.trim();
    }

    static int year(Context ctx, String name) {
        String value = required(ctx, name);
        int year;
        try {
            year = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("Parameteren '" + name + "' må være et årstall, fikk '" + value + "'",
                    Map.of("parameter", name, "value", value));
        }
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidInputException("Parameteren '" + name + "' må være et år mellom " + FIRST_YEAR + " og "
                    + LAST_YEAR + ", fikk " + year, Map.of("parameter", name, "value", value));
        }
        return year;
    }
}
