package no.kostra.ingest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import no.kostra.errors.InvalidInputException;

/** The file formats an import reads. {@link #CATALOG} is a catalogue CSV (regions, indicators, groups, …). */
public enum ImportFormat {
    JSON_STAT("json-stat"), CSV("csv"), XLSX("xlsx"), CATALOG("catalog");

    private final String code;

    ImportFormat(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ImportFormat fromCode(String code) {
        String c = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.code.equals(c) || (c.equals("json") && f == JSON_STAT))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("Ukjent importformat '" + code
                        + "': forventet json-stat, csv, xlsx eller catalog", Map.of("format", code)));
    }

    /**
     * The format from an explicit name, else a content type, else the file's first bytes: a ZIP or OLE2 container is
     * treated as xlsx (so a wrong or encrypted workbook is refused with an xlsx message), {@code {} as JSON-stat,
     * anything else as CSV.
     */
    public static ImportFormat detect(String explicit, String contentType, byte[] head) {
        if (explicit != null && !explicit.isBlank()) {
            return fromCode(explicit);
        }
        Optional<ImportFormat> byType = fromContentType(contentType);
        if (byType.isPresent()) {
            return byType.get();
        }
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < head.length && Character.isWhitespace(head[i])) {
            i++;
        }
        if (Xlsx.looksLikeContainer(head)) {
            return XLSX;
        }
        return i < head.length && head[i] == '{' ? JSON_STAT : CSV;
    }

    private static Optional<ImportFormat> fromContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String t = contentType.toLowerCase(Locale.ROOT);
        if (t.contains("json")) {
            return Optional.of(JSON_STAT);
        }
        if (t.contains("spreadsheetml")) {
            return Optional.of(XLSX);
        }
        if (t.contains("csv")) {
            return Optional.of(CSV);
        }
        return Optional.empty();
    }
}
