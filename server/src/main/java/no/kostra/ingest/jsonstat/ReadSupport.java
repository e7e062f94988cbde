package no.kostra.ingest.jsonstat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.kostra.errors.InvalidInputException;

/** What the JSON-stat readers share: refusals that name file, place and field, and a few token checks. */
final class ReadSupport {
    private ReadSupport() {
    }

    /** @param place where in the dataset, as a dotted path ({@code dimension.Tid.category.index}), or empty */
    static InvalidInputException fail(String file, String place, String field, String problem) {
        return new InvalidInputException(file + (place.isEmpty() ? "" : " " + place) + ": " + problem,
                Map.of("file", file, "where", place, "field", field));
    }

    static void expect(JsonParser json, JsonToken expected, String file, String place, String field) {
        if (json.currentToken() != expected) {
            throw fail(file, place, field, "forventet " + (expected == JsonToken.START_OBJECT ? "et objekt" : "en liste")
                    + ", fant " + kind(json.currentToken()));
        }
    }

    static List<String> strings(JsonParser json, String file, String place, String field) throws IOException {
        expect(json, JsonToken.START_ARRAY, file, place, field);
        List<String> out = new ArrayList<>();
        for (JsonToken t = json.nextToken(); t != JsonToken.END_ARRAY; t = json.nextToken()) {
            if (t != JsonToken.VALUE_STRING) {
                throw fail(file, place, field, "forventet en liste med tekster, fant " + kind(t));
            }
            out.add(json.getText());
        }
        return out;
    }

    /** The kind of token found, for a message ("fant et objekt"). */
    static String kind(JsonToken t) {
        if (t == null) {
            return "slutten på filen";
        }
        return switch (t) {
            case START_OBJECT -> "et objekt";
            case START_ARRAY -> "en liste";
            case VALUE_STRING -> "en tekst";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "et tall";
            case VALUE_TRUE, VALUE_FALSE -> "en sannhetsverdi (true/false)";
            case VALUE_NULL -> "null";
            default -> t.name();
        };
    }

    /** 10 000 000, as Norwegian prints it (with an ordinary space, so messages stay plain text). */
    static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag("nb-NO")).format(n).replace('\u00A0', ' ');
    }

    /** "6 celler (0–5)", "1 celle (0)": how many cells and how they are numbered. */
    static String cells(long n) {
        return n == 1 ? "1 celle (0)" : number(n) + " celler (0–" + number(n - 1) + ")";
    }
}
