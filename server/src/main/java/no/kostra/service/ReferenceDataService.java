package no.kostra.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import no.kostra.errors.InvalidInputException;
import no.kostra.ingest.AnalysisSeeds;
import no.kostra.store.AnalysisRepository;
import no.kostra.store.Database;
import no.kostra.store.ReferenceRows;
import no.kostra.store.ReferenceTables;

/**
 * Imports the reference data the analysis adjusts and splits with: deflators, expense-need indices, efficiency
 * weights and home-care hours, each a CSV file in the format of its seed file (seeds/README.md). The whole file is
 * checked before anything is written, its figures against plausible ranges too ({@link ReferenceRanges}); a bad file
 * changes nothing.
 */
public final class ReferenceDataService {
    /** The files that may be imported on their own. */
    public static final List<String> IMPORTABLE = List.of(AnalysisSeeds.DEFLATORS, AnalysisSeeds.EXPENSE_NEED,
            AnalysisSeeds.EFFICIENCY_COMPONENTS, AnalysisSeeds.HOME_CARE_HOURS, AnalysisSeeds.EFFICIENCY_STATEMENTS,
            AnalysisSeeds.KOMMUNEBAROMETER);

    private final Database database;
    private final CatalogService catalogs;
    private final Clock clock;

    ReferenceDataService(Database database, CatalogService catalogs, Clock clock) {
        this.database = database;
        this.catalogs = catalogs;
        this.clock = clock;
    }

    /** @return the number of rows stored */
    public int importFile(String fileName, String csv) {
        if (!IMPORTABLE.contains(fileName)) {
            throw new InvalidInputException("Kan ikke importere " + fileName + "; filer som kan importeres: " + IMPORTABLE,
                    Map.of("file", fileName, "importable", IMPORTABLE));
        }
        ReferenceRows rows;
        try {
            rows = AnalysisSeeds.parse(fileName, csv, catalogs.current());
        } catch (IllegalStateException e) {
            throw new InvalidInputException("Ugyldig fil: " + e.getMessage(), Map.of("file", fileName));
        }
        if (rows.rows().isEmpty()) {
            throw new InvalidInputException("Filen " + fileName + " har ingen rader", Map.of("file", fileName));
        }
        ReferenceRanges.check(fileName, rows, new AnalysisRepository(database)::efficiencyComponents);
        return ReferenceTables.importRows(database, rows, fileName.replace(".csv", ""), fileName, sha256(csv), clock.instant());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
