package no.kostra.ingest;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import no.kostra.catalog.Catalog;
import no.kostra.errors.InvalidInputException;
import no.kostra.errors.UnconfirmedException;
import no.kostra.ingest.jsonstat.JsonStatParser;
import no.kostra.store.CatalogRepository;
import no.kostra.store.DataRevision;
import no.kostra.store.Database;
import no.kostra.store.ImportBatch;
import no.kostra.store.ImportResult;
import no.kostra.store.ImportWriter;
import no.kostra.store.RowsDisagreeException;
import no.kostra.store.SourceRepository;
import no.kostra.store.TableShapeRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports one file (JSON-stat, CSV, xlsx or a catalogue table): reads and checks all of it, sorting its figures in
 * bounded runs, then decides and writes them in one transaction. A bad file throws
 * {@link no.kostra.errors.InvalidInputException} naming file, place and field, and changes nothing; the same file again
 * changes nothing; a different figure becomes a new revision.
 *
 * <p>Figures {@link no.kostra.compute.Plausibility} doubts hold the whole file ({@link OutliersHeld}, nothing stored)
 * unless the options accept them. A dry run does all of it, in the same transaction a real import would take, and rolls
 * it back: its report is what the import would do at that moment. Thread-safe.
 */
public final class Importer {
    private static final Logger LOG = LoggerFactory.getLogger(Importer.class);

    private final Database database;
    private final ImportWriter writer;
    private final Supplier<Catalog> catalog;
    private final Clock clock;

    public Importer(Database database, ImportWriter writer, Supplier<Catalog> catalog, Clock clock) {
        this.database = database;
        this.writer = writer;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** An upload in memory. */
    public ImportReport importFile(String fileName, byte[] bytes, ImportOptions options) {
        return importFile(ImportSource.of(fileName, bytes), options);
    }

    public ImportReport importFile(ImportSource source, ImportOptions options) {
        ImportFormat format = format(source, options);
        if (format == ImportFormat.CATALOG) {
            return importCatalogTable(source.name(), source.readAll(), options);
        }
        try (FigureCollector collector = collector(source.name(), options)) {
            collect(source, format, options, collector);
            return write(source.name(), format, source.sha256(), options, collector);
        }
    }

    /** A file's name and bytes. */
    public record NamedBytes(String name, byte[] bytes) {
    }

    /**
     * Imports several JSON-stat files (the pieces of one split StatBank query) as one import: all are checked, then all
     * written in one transaction, or none.
     */
    public ImportReport importJsonStatParts(String name, List<NamedBytes> parts, ImportOptions options) {
        try (FigureCollector collector = collector(name, options)) {
            MessageDigest all = ImportSource.newDigest();
            for (NamedBytes part : parts) {
                collector.startFile(part.name());
                JsonStatFigures.collect(JsonStatParser.parse(part.name(), part.bytes()), options.mapping(), collector);
                all.update(part.bytes());
            }
            return write(name, ImportFormat.JSON_STAT, HexFormat.of().formatHex(all.digest()), options, collector);
        }
    }

    /**
     * Imports figures gathered by code (an update from StatBank) as one import, checked like a file's.
     *
     * @param identity the bytes the figures came from, for the import log's checksum
     */
    public ImportReport importGathered(String name, byte[] identity, ImportOptions options, Consumer<FigureSink> gather) {
        try (FigureCollector collector = collector(name, options)) {
            gather.accept(new CollectorSink(collector));
            return write(name, ImportFormat.JSON_STAT, sha256(identity), options, collector);
        }
    }

    /**
     * Reads and checks a file of figures against the catalogue, and nothing more: no database (the benchmark's
     * parse+validate). A dry run ({@link ImportOptions#dryRun}) answers the whole report instead.
     *
     * @return how many figures the file holds
     */
    public int check(String fileName, byte[] bytes, ImportOptions options) {
        ImportSource source = ImportSource.of(fileName, bytes);
        FigureCollector collector = new FigureCollector(catalog.get(), fileName, options.mapping(), LocalDate.now(clock).getYear(),
                false);
        collect(source, format(source, options), options, collector);
        return collector.read();
    }

    private FigureCollector collector(String name, ImportOptions options) {
        return new FigureCollector(catalog.get(), name, options.mapping(), LocalDate.now(clock).getYear(), true);
    }

    private static ImportFormat format(ImportSource source, ImportOptions options) {
        return options.format() != null ? options.format() : ImportFormat.detect(null, options.contentType(), source.head());
    }

    private static void collect(ImportSource source, ImportFormat format, ImportOptions options, FigureCollector collector) {
        switch (format) {
            case JSON_STAT -> JsonStatFigures.collect(JsonStatParser.parse(source.name(), source::open), options.mapping(),
                    collector);
            case CSV -> CsvFigureReader.read(source, new TabularFigures(collector, options.mapping()));
            case XLSX -> Xlsx.read(source.name(), source.readAll(), new TabularFigures(collector, options.mapping()));
            default -> throw new InvalidInputException(source.name() + ": en katalogtabell inneholder ingen tall",
                    Map.of("file", source.name()));
        }
    }

    /** A catalogue table, merged inside the write transaction: a catalogue import that ran meanwhile is part of it. */
    private ImportReport importCatalogTable(String fileName, byte[] bytes, ImportOptions options) {
        ImportBatch header = new ImportBatch(ImportFormat.CATALOG.code(), fileName, sha256(bytes), options.vintage(), List.of(),
                List.of(), 0);
        boolean sources = SourceTable.isSourceTable(bytes);
        List<no.kostra.ingest.ssb.TableShape> shapes = TableShapeTable.isShapeTable(bytes) ? TableShapeTable.parse(fileName, bytes) : null;
        Outcome outcome = transaction(options.dryRun(), false, null, c -> {
            if (shapes != null) {
                TableShapeRepository.Saved saved = TableShapeRepository.save(c, shapes);
                return writer.logCatalogImport(c, header, shapes.size(), saved.added(), saved.changed(), saved.unchanged());
            }
            if (sources) {
                SourceTable.Merge merge = SourceTable.merge(catalog.get(), SourceRepository.all(c), fileName, bytes);
                SourceRepository.save(c, merge.incoming());
                return writer.logCatalogImport(c, header, merge.read(), merge.added(), merge.changed(), merge.unchanged());
            }
            CatalogImport.Merge merge = CatalogImport.merge(catalog.get(), fileName, bytes);
            CatalogRepository.save(c, merge.catalog());
            return writer.logCatalogImport(c, header, merge.read(), merge.added(), merge.changed(), merge.unchanged());
        });
        return report(fileName, ImportFormat.CATALOG, options, outcome, outcome.result().read(), 0, List.of(), 0, List.of(),
                0, List.of());
    }

    private ImportReport write(String name, ImportFormat format, String checksum, ImportOptions options,
                               FigureCollector collector) {
        Outcome outcome;
        FigureCollector.Collected figures = collector.finish();
        try {
            ImportBatch batch = new ImportBatch(format.code(), name, checksum, options.vintage(), List.of(),
                    figures.statistics(), figures.rejected(), options.reportYear());
            outcome = transaction(options.dryRun(), !options.acceptOutliers(), collector,
                    c -> writer.write(c, batch, figures.observations(), collector));
        } catch (RowsDisagreeException e) {
            throw collector.disagreement(e);
        }
        ImportReport report = report(name, format, options, outcome, collector.read(), collector.rejected(),
                collector.rejections(), collector.warned(), collector.warnings(), collector.outlierCount(),
                collector.outliers());
        if (outcome.held()) {
            throw new OutliersHeld(report);
        }
        return report;
    }

    /** What the write transaction did: committed, or rolled back (a dry run, or outliers held) with its result. */
    private record Outcome(ImportResult result, boolean committed, boolean held) {
    }

    /** Thrown inside the write transaction to roll it back and carry its result out. */
    private static final class RolledBack extends RuntimeException {
        private final transient ImportResult result;

        RolledBack(ImportResult result) {
            super("rolled back", null, false, false);
            this.result = result;
        }
    }

    /** @param collector whose outliers, if any and {@code holdOutliers}, roll the import back; null: none */
    private Outcome transaction(boolean dryRun, boolean holdOutliers, FigureCollector collector,
                                Database.SqlWork<ImportResult> work) {
        boolean[] held = {false};
        try {
            ImportResult result = database.inTransaction(c -> {
                ImportResult done = work.run(c);
                held[0] = holdOutliers && collector != null && collector.outlierCount() > 0;
                if (dryRun || held[0]) {
                    throw new RolledBack(done);
                }
                return done;
            });
            return new Outcome(result, true, false);
        } catch (RolledBack e) {
            return new Outcome(e.result, false, held[0] && !dryRun);
        }
    }

    private ImportReport report(String file, ImportFormat format, ImportOptions options, Outcome outcome, int read,
                                int rejected, List<ImportReport.Rejection> reasons, int warned,
                                List<ImportReport.Warning> warnings, int outlierCount, List<ImportReport.Outlier> outliers) {
        ImportResult result = outcome.result();
        long revision = database.read(c -> outcome.committed() ? DataRevision.ofImport(c, result.importId())
                : DataRevision.current(c));
        Long importId = outcome.committed() ? result.importId() : null;
        ImportSummary.Outcome summarised = outcome.committed() ? ImportSummary.Outcome.STORED
                : outcome.held() ? ImportSummary.Outcome.HELD : ImportSummary.Outcome.DRY_RUN;
        String summary = ImportSummary.line(summarised, result.added(), result.changed(), result.vintageChanged(),
                result.unchanged(), rejected, result.conflicts(), warned, outlierCount);
        LOG.info("Import {} of {} ({}){}: {} read, {} added, {} changed, {} vintage changed, {} unchanged, {} rejected,"
                        + " {} outliers; data revision {}", importId, file, format.code(), outcome.committed() ? ""
                        : outcome.held() ? " held, not stored" : " dry run, not stored", read, result.added(), result.changed(),
                result.vintageChanged(), result.unchanged(), rejected, outlierCount, revision);
        return new ImportReport(file, format.code(), options.vintage().code(), options.dryRun(), importId, read,
                result.added(), result.changed(), result.vintageChanged(), result.unchanged(), rejected, reasons, warned,
                warnings, outlierCount, outliers, revision, result.changes(), result.vintageChanges(), result.conflicts(),
                result.conflictList(), summary);
    }

    /** SHA-256 of the bytes, hex: an import's identity in the import log, and a cache key. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(ImportSource.newDigest().digest(bytes));
    }

    /** An import held whole because figures in it look implausible: nothing is stored until they are confirmed. */
    public static final class OutliersHeld extends UnconfirmedException {
        private final transient ImportReport report;

        OutliersHeld(ImportReport report) {
            super(report.file() + ": " + ImportSummary.count(report.outlierCount(), "tall ser usannsynlig ut",
                    "tall ser usannsynlige ut") + " (utenfor det mulige for enheten, eller mer enn ti ganger året før), og"
                    + " ingenting i filen er lagret; rett tallene, eller send filen på nytt med acceptOutliers=true"
                    + " (--accept-outliers) hvis de er riktige", Map.of("file", report.file(), "outlierCount",
                    report.outlierCount(), "outliers", report.outliers(), "report", report));
            this.report = report;
        }

        /** The report as the import would have been, the outliers named. */
        public ImportReport report() {
            return report;
        }
    }
}
