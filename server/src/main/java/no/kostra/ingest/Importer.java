package no.kostra.ingest;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import no.kostra.catalog.Catalog;
import no.kostra.errors.InvalidInputException;
import no.kostra.ingest.jsonstat.JsonStatParser;
import no.kostra.store.CatalogRepository;
import no.kostra.store.DataRevision;
import no.kostra.store.Database;
import no.kostra.store.ImportBatch;
import no.kostra.store.ImportResult;
import no.kostra.store.ImportWriter;
import no.kostra.store.SourceRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports one file (JSON-stat, CSV, xlsx or a catalogue table): reads and checks all of it, then writes it in one
 * transaction. A bad file throws {@link no.kostra.errors.InvalidInputException} naming file, place and field, and
 * changes nothing; the same file again changes nothing; a different figure becomes a new revision. Thread-safe.
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

    public ImportReport importFile(String fileName, byte[] bytes, ImportOptions options) {
        ImportFormat format = format(bytes, options);
        ImportBatch header = new ImportBatch(format.code(), fileName, sha256(bytes), options.vintage(), List.of(), List.of(), 0);
        if (format == ImportFormat.CATALOG && SourceTable.isSourceTable(bytes)) {
            ImportResult result = database.inTransaction(c -> {
                SourceTable.Merge merge = SourceTable.merge(catalog.get(), SourceRepository.all(c), fileName, bytes);
                SourceRepository.save(c, merge.incoming());
                return writer.logCatalogImport(c, header, merge.read(), merge.added(), merge.changed(), merge.unchanged());
            });
            return report(fileName, format, options, result, result.read(), 0, List.of(), 0, List.of());
        }
        if (format == ImportFormat.CATALOG) {
            // Merged inside the write transaction: a catalogue import that ran meanwhile is part of what it merges into.
            ImportResult result = database.inTransaction(c -> {
                CatalogImport.Merge merge = CatalogImport.merge(catalog.get(), fileName, bytes);
                CatalogRepository.save(c, merge.catalog());
                return writer.logCatalogImport(c, header, merge.read(), merge.added(), merge.changed(), merge.unchanged());
            });
            return report(fileName, format, options, result, result.read(), 0, List.of(), 0, List.of());
        }
        FigureCollector.Collected figures = collect(fileName, bytes, options, format);
        ImportBatch batch = new ImportBatch(format.code(), fileName, header.checksum(), options.vintage(), List.of(),
                figures.statistics(), figures.rejected());
        ImportResult result = database.inTransaction(c -> writer.write(c, batch, figures.observations()));
        return report(fileName, format, options, result, figures.read(), figures.rejected(), figures.rejections(),
                figures.warned(), figures.warnings());
    }

    /** A file's name and bytes. */
    public record NamedBytes(String name, byte[] bytes) {
    }

    /**
     * Imports several JSON-stat files (the pieces of one split StatBank query) as one import: all are checked, then all
     * written in one transaction, or none.
     */
    public ImportReport importJsonStatParts(String name, List<NamedBytes> parts, ImportOptions options) {
        FigureCollector collector = new FigureCollector(catalog.get(), name, options.mapping(), LocalDate.now(clock).getYear());
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (NamedBytes part : parts) {
            collector.startFile(part.name());
            JsonStatFigures.collect(JsonStatParser.parse(part.name(), new ByteArrayInputStream(part.bytes())), options.mapping(), collector);
            all.writeBytes(part.bytes());
        }
        FigureCollector.Collected figures = collector.finish();
        ImportBatch batch = new ImportBatch(ImportFormat.JSON_STAT.code(), name, sha256(all.toByteArray()), options.vintage(),
                List.of(), figures.statistics(), figures.rejected());
        ImportResult result = database.inTransaction(c -> writer.write(c, batch, figures.observations()));
        return report(name, ImportFormat.JSON_STAT, options, result, figures.read(), figures.rejected(), figures.rejections(),
                figures.warned(), figures.warnings());
    }

    /**
     * Imports figures gathered by code (an update from StatBank) as one import, checked like a file's.
     *
     * @param identity the bytes the figures came from, for the import log's checksum
     */
    public ImportReport importGathered(String name, byte[] identity, ImportOptions options,
                                       java.util.function.Consumer<FigureSink> gather) {
        FigureCollector collector = new FigureCollector(catalog.get(), name, options.mapping(), LocalDate.now(clock).getYear());
        gather.accept(new CollectorSink(collector));
        FigureCollector.Collected figures = collector.finish();
        ImportBatch batch = new ImportBatch(ImportFormat.JSON_STAT.code(), name, sha256(identity), options.vintage(),
                List.of(), figures.statistics(), figures.rejected());
        ImportResult result = database.inTransaction(c -> writer.write(c, batch, figures.observations()));
        return report(name, ImportFormat.JSON_STAT, options, result, figures.read(), figures.rejected(), figures.rejections(),
                figures.warned(), figures.warnings());
    }

    /**
     * Reads and checks a file of figures without writing anything (a dry run).
     *
     * @return how many figures the file holds
     */
    public int check(String fileName, byte[] bytes, ImportOptions options) {
        return collect(fileName, bytes, options, format(bytes, options)).read();
    }

    private static ImportFormat format(byte[] bytes, ImportOptions options) {
        return options.format() != null ? options.format()
                : ImportFormat.detect(null, options.contentType(), Arrays.copyOf(bytes, Math.min(bytes.length, 16)));
    }

    private FigureCollector.Collected collect(String fileName, byte[] bytes, ImportOptions options, ImportFormat format) {
        FigureCollector collector = new FigureCollector(catalog.get(), fileName, options.mapping(), LocalDate.now(clock).getYear());
        switch (format) {
            case JSON_STAT -> JsonStatFigures.collect(JsonStatParser.parse(fileName, new ByteArrayInputStream(bytes)),
                    options.mapping(), collector);
            case CSV -> CsvFigureReader.read(fileName, bytes, new TabularFigures(collector, options.mapping()));
            case XLSX -> Xlsx.read(fileName, bytes, new TabularFigures(collector, options.mapping()));
            default -> throw new InvalidInputException(fileName + ": en katalogtabell inneholder ingen tall",
                    java.util.Map.of("file", fileName));
        }
        return collector.finish();
    }

    private ImportReport report(String file, ImportFormat format, ImportOptions options, ImportResult result, int read,
                                int rejected, List<ImportReport.Rejection> reasons, int warned,
                                List<ImportReport.Warning> warnings) {
        long revision = database.read(c -> DataRevision.ofImport(c, result.importId()));
        LOG.info("Import {} of {} ({}): {} read, {} added, {} changed, {} unchanged, {} rejected; data revision {}",
                result.importId(), file, format.code(), read, result.added(), result.changed(), result.unchanged(), rejected, revision);
        return new ImportReport(file, format.code(), options.vintage().code(), result.importId(), read, result.added(),
                result.changed(), result.unchanged(), rejected, reasons, warned, warnings, revision, result.changes(),
                result.conflicts(), result.conflictList());
    }

    /** SHA-256 of the bytes, hex: an import's identity in the import log, and a cache key. */
    public static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
