package no.kostra.catalog;

import java.util.regex.Pattern;

/**
 * Region codes as StatBank writes them. Its grouping {@code agg_KommSummer} names a municipality {@code K-3024}: the
 * municipality's figures summed over its earlier numbers, i.e. the same municipality as 3024. Counties are
 * {@code F-32} ({@code agg_KommFylker}), the catalogue's county groups under the same code.
 */
public final class RegionCodes {
    private static final Pattern AGGREGATED_MUNICIPALITY = Pattern.compile("K-(\\d{4})");

    private RegionCodes() {
    }

    /** The code {@code agg_KommSummer} gives a municipality number ({@code 3024} → {@code K-3024}). */
    public static String aggregated(String number) {
        return "K-" + number;
    }

    /** The municipality number behind a StatBank code ({@code K-3024} → {@code 3024}); any other code trimmed, as it is. */
    public static String plain(String code) {
        String c = code == null ? "" : code.trim();
        var m = AGGREGATED_MUNICIPALITY.matcher(c);
        return m.matches() ? m.group(1) : c;
    }
}
