package no.kostra.ingest.ssb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to fetch from one StatBank table: contents codes, years, and optionally fixed codes of further variables
 * (KOKfunksjon0000=FGK241). Regions are all the table has. Immutable.
 */
public record SsbRequest(String tableId, List<String> contents, List<String> years, Map<String, List<String>> fixed) {
    public SsbRequest {
        Objects.requireNonNull(tableId, "tableId");
        contents = List.copyOf(contents);
        years = List.copyOf(years);
        fixed = Map.copyOf(fixed);
    }

    /**
     * Reads a SPEC: entries separated by whitespace or ';', each {@code TABLE:CONTENTS[,CONTENTS…]:YEARS} where YEARS is
     * {@code 2024}, {@code 2021-2024} or {@code 2021,2023}; e.g. {@code 12603:KOSLegeaarsverk0000:2021-2024}.
     */
    public static List<SsbRequest> parseSpec(String spec, Map<String, String> filters) {
        List<SsbRequest> out = new ArrayList<>();
        Map<String, List<String>> fixed = new LinkedHashMap<>();
        filters.forEach((k, v) -> fixed.put(k, List.of(v)));
        for (String entry : spec.trim().split("[\\s;]+")) {
            String[] parts = entry.split(":");
            if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
                throw new IllegalArgumentException("SPEC-oppføringen '" + entry + "' skal være TABELL:INNHOLD[,INNHOLD]:ÅR,"
                        + " f.eks. 12603:KOSLegeaarsverk0000:2021-2024");
            }
            out.add(new SsbRequest(parts[0], List.of(parts[1].split(",")), years(entry, parts[2]), fixed));
        }
        return out;
    }

    private static List<String> years(String entry, String text) {
        List<String> years = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] range = part.split("-");
            try {
                int from = Integer.parseInt(range[0].trim());
                int to = range.length == 2 ? Integer.parseInt(range[1].trim()) : from;
                if (range.length > 2 || to < from || to - from > 100) {
                    throw new NumberFormatException();
                }
                for (int y = from; y <= to; y++) {
                    years.add(String.valueOf(y));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("SPEC-oppføringen '" + entry + "': ugyldige år '" + part + "'");
            }
        }
        return years;
    }
}
