package no.kostra.web;

import io.javalin.http.Context;
import java.util.Map;
import no.kostra.compute.NorwegianFormat;
import no.kostra.errors.InvalidInputException;
import no.kostra.observation.Vintage;

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

    /** The parameter's value, trimmed, or null when it is absent or blank. */
    static String optional(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : value.trim();
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

    static double number(Context ctx, String name) {
        String value = required(ctx, name);
        try {
            double number = Double.parseDouble(value.replace(',', '.'));
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new InvalidInputException("Parameteren '" + name + "' må være et tall, fikk '" + value + "'",
                Map.of("parameter", name, "value", value));
    }

    /** A number from {@code min} to {@code max}, both included. */
    static double numberBetween(Context ctx, String name, double min, double max) {
        double number = number(ctx, name);
        if (number < min || number > max) {
            throw new InvalidInputException("Parameteren '" + name + "' må være fra " + NorwegianFormat.plain(min) + " til "
                    + NorwegianFormat.plain(max) + ", fikk " + ctx.queryParam(name).trim(),
                    Map.of("parameter", name, "value", ctx.queryParam(name).trim(), "min", min, "max", max));
        }
        return number;
    }

    /** "2025:5000,2030:6500" → {2025=5000.0, 2030=6500.0}; years as {@link #year}, values from min to max. */
    static Map<Integer, Double> yearValues(Context ctx, String name, double min, double max) {
        String value = required(ctx, name);
        Map<Integer, Double> out = new java.util.TreeMap<>();
        for (String pair : value.split(",")) {
            String[] parts = pair.trim().split(":");
            int year;
            double number;
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                year = Integer.parseInt(parts[0].trim());
                number = Double.parseDouble(parts[1].trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("Parameteren '" + name + "' må være år:tall, skilt med komma"
                        + " (2025:5000,2030:6500), fikk '" + pair.trim() + "'", Map.of("parameter", name, "value", value));
            }
            if (year < FIRST_YEAR || year > LAST_YEAR || !Double.isFinite(number) || number < min || number > max) {
                throw new InvalidInputException("Parameteren '" + name + "': " + pair.trim() + " må ha et år fra " + FIRST_YEAR
                        + " til " + LAST_YEAR + " og et tall fra " + NorwegianFormat.plain(min) + " til "
                        + NorwegianFormat.plain(max), Map.of("parameter", name, "value", value));
            }
            if (out.put(year, number) != null) {
                throw new InvalidInputException("Parameteren '" + name + "' har " + year + " to ganger",
                        Map.of("parameter", name, "value", value));
            }
        }
        return out;
    }

    /** {@code ?vintage=preliminary|final}; final when not given. */
    static Vintage vintage(Context ctx) {
        String text = ctx.queryParam("vintage");
        if (text == null || text.isBlank()) {
            return Vintage.FINAL;
        }
        try {
            return Vintage.fromCode(text.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Parameteren 'vintage' må være preliminary eller final, fikk '" + text + "'",
                    Map.of("parameter", "vintage", "value", text));
        }
    }

    /** A yes/no parameter: {@code true} or {@code false} (any case), false when absent. */
    static boolean flag(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.trim().equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidInputException("Parameteren '" + name + "' må være true eller false, fikk '" + value + "'",
                Map.of("parameter", name, "value", value));
    }
}
