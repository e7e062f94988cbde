package no.kostra.auth;

import java.util.regex.Pattern;

/**
 * A personal API token sent as a query parameter, as Power Query's <em>Web API</em> credential sends it
 * ({@code Web.Contents(…, [ApiKeyName = "kostra_key"])}: Excel keeps the key in its credential store and adds it to the
 * address). Accepted on the data routes' reads only; never written into a workbook, and blanked out wherever an
 * address is recorded.
 */
public final class ReadKey {
    /** The query parameter's name. */
    public static final String PARAMETER = "kostra_key";
    private static final Pattern IN_QUERY = Pattern.compile("(^|&)" + PARAMETER + "=[^&]*");

    private ReadKey() {
    }

    /** The query string with the key's value blanked out ({@code kostra_key=***}); null stays null. */
    public static String redact(String query) {
        return query == null ? null : IN_QUERY.matcher(query).replaceAll("$1" + PARAMETER + "=***");
    }
}
