package no.kostra.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.Region;
import no.kostra.catalog.RegionKind;
import no.kostra.observation.Figure;
import no.kostra.observation.Statistic;
import no.kostra.observation.Status;
import no.kostra.observation.Vintage;
import no.kostra.store.CatalogRepository;
import no.kostra.store.Database;
import no.kostra.store.GroupStatisticRow;
import no.kostra.store.ImportBatch;
import no.kostra.store.ImportResult;
import no.kostra.store.ImportWriter;
import no.kostra.store.ObservationRow;
import no.kostra.store.ReferenceRows;
import no.kostra.store.ReferenceTables;

/**
 * Loads the seed files: the catalogue and the figures published in the source reports. Everything is parsed and
 * checked before anything is written, and written in one transaction. Seeds already loaded (same checksum) are
 * skipped, so a restart loads nothing twice.
 */
public final class SeedImporter {
    public static final String KIND = "seed";

    private final Database database;
    private final ImportWriter writer;
    private final java.time.Clock clock;

    public SeedImporter(Database database, ImportWriter writer) {
        this(database, writer, java.time.Clock.systemUTC());
    }

    public SeedImporter(Database database, ImportWriter writer, java.time.Clock clock) {
        this.database = database;
        this.writer = writer;
        this.clock = clock;
    }

    /** @return the import's result, or empty when these seeds were loaded before */
    public Optional<ImportResult> loadIfNew(SeedFiles seeds) {
        String checksum = seeds.checksum();
        if (alreadyLoaded(checksum)) {
            return Optional.empty();
        }
        Catalog catalog = parseCatalog(seeds);
        ImportBatch batch = parseFigures(seeds, catalog, checksum);
        List<ReferenceRows> analysis = AnalysisSeeds.parse(seeds, catalog);
        String sourcesText = seeds.optionalText(SourceTable.FILE);
        List<no.kostra.catalog.IndicatorSource> sources = sourcesText == null ? List.of() : SourceTable.parseSeed(catalog, sourcesText);
        String shapesText = seeds.optionalText(TableShapeTable.FILE);
        List<no.kostra.ingest.ssb.TableShape> shapes = shapesText == null ? List.of() : TableShapeTable.parse(shapesText);
        return Optional.ofNullable(database.inTransaction(c -> {
            if (alreadyLoaded(c, checksum)) {
                return null; // another node loaded them while these were parsed
            }
            CatalogRepository.save(c, catalog);
            no.kostra.store.SourceRepository.save(c, sources);
            no.kostra.store.TableShapeRepository.save(c, shapes);
            ReferenceTables.replaceSeedRows(c, analysis, checksum, java.time.Instant.now(clock));
            return writer.write(c, batch);
        }));
    }

    private boolean alreadyLoaded(String checksum) {
        return database.read(c -> alreadyLoaded(c, checksum));
    }

    private static boolean alreadyLoaded(Connection c, String checksum) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select count(*) from import_log where kind = ? and checksum = ?")) {
            s.setString(1, KIND);
            s.setString(2, checksum);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1) > 0;
            }
        }
    }

    /** The catalogue the seeds describe, read and checked without a database. */
    public static Catalog catalogOf(SeedFiles seeds) {
        return parseCatalog(seeds);
    }

    static Catalog parseCatalog(SeedFiles seeds) {
        ProfileRowsTable profileRows = ProfileRowsTable.read(table(seeds, CatalogTables.Kind.PROFILE_ROWS));
        Catalog catalog = new Catalog(
                CatalogTables.regions(table(seeds, CatalogTables.Kind.REGIONS)),
                CatalogTables.codeChanges(table(seeds, CatalogTables.Kind.CODE_CHANGES)),
                CatalogTables.memberships(table(seeds, CatalogTables.Kind.GROUP_MEMBERS)),
                CatalogTables.profiles(table(seeds, CatalogTables.Kind.PROFILES)),
                CatalogTables.indicators(table(seeds, CatalogTables.Kind.INDICATORS)), profileRows.entries());
        CatalogTables.checkReferences(catalog);
        ProfileRowsTable.check(catalog, CatalogTables.Kind.PROFILE_ROWS.fileName, profileRows.lineOf());
        return catalog;
    }

    private static CsvTable table(SeedFiles seeds, CatalogTables.Kind kind) {
        return CsvTable.parse(kind.fileName, seeds.text(kind.fileName), Set.copyOf(kind.columns));
    }

    static ImportBatch parseFigures(SeedFiles seeds, Catalog catalog, String checksum) {
        List<ObservationRow> observations = new ArrayList<>();
        for (CsvTable.Row row : table(seeds, "observations.csv", "indicator", "region", "year", "value", "status", "source", "note").rows()) {
            String indicator = knownIndicator(catalog, row);
            String reported = row.required("region");
            Region region = catalog.findRegion(reported)
                    .orElseThrow(() -> new IllegalStateException(row.where("region") + ": unknown region " + reported));
            observations.add(new ObservationRow(indicator, region.code(), reported, row.integer("year"), figure(row),
                    row.required("source"), row.optional("note")));
        }
        List<GroupStatisticRow> statistics = new ArrayList<>();
        for (CsvTable.Row row : table(seeds, "group_statistics.csv", "indicator", "group", "year", "statistic", "value",
                "status", "source", "note").rows()) {
            String indicator = knownIndicator(catalog, row);
            String group = row.required("group");
            Region region = catalog.findRegion(group)
                    .filter(r -> r.kind() == RegionKind.GROUP)
                    .orElseThrow(() -> new IllegalStateException(row.where("group") + ": unknown group " + group));
            Statistic statistic;
            try {
                statistic = Statistic.fromCode(row.required("statistic"));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(row.where("statistic") + ": " + e.getMessage(), e);
            }
            statistics.add(new GroupStatisticRow(indicator, region.code(), row.integer("year"), statistic, figure(row),
                    row.required("source"), row.optional("note")));
        }
        return new ImportBatch(KIND, "seeds/", checksum, Vintage.FINAL, observations, statistics, 0);
    }

    private static String knownIndicator(Catalog catalog, CsvTable.Row row) {
        String id = row.required("indicator");
        if (catalog.findIndicator(id).isEmpty()) {
            throw new IllegalStateException(row.where("indicator") + ": unknown indicator " + id);
        }
        return id;
    }

    private static Figure figure(CsvTable.Row row) {
        Double value = row.optionalNumber("value");
        String symbol = row.optional("status");
        if (value != null && symbol != null) {
            throw new IllegalStateException(row.where("status") + ": a row has a value or a status, not both");
        }
        if (value != null) {
            return Figure.of(value);
        }
        if (symbol == null) {
            throw new IllegalStateException(row.where("value") + ": a row needs a value or a status symbol (. .. : -)");
        }
        return Figure.missing(Status.fromSymbol(symbol)
                .orElseThrow(() -> new IllegalStateException(row.where("status") + ": unknown status '" + symbol + "', expected . .. : or -")));
    }

    private static CsvTable table(SeedFiles seeds, String name, String... columns) {
        return CsvTable.parse(name, seeds.text(name), Set.of(columns));
    }
}
