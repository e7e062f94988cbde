package no.kostra.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import no.kostra.ingest.ImportFormat;
import no.kostra.ingest.ImportOptions;
import no.kostra.ingest.ImportSource;
import no.kostra.ingest.SeedFiles;
import no.kostra.ingest.SeedImporter;
import no.kostra.ingest.synthetic.SyntheticDataset;
import no.kostra.observation.Vintage;
import no.kostra.service.Services;
import no.kostra.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "generate-synthetic", mixinStandardHelpOptions = true,
        description = "Write a deterministic, clearly labelled SYNTHETIC full-country dataset in the import formats"
                + " (regions.csv, indicators.csv, observations.json, group_statistics.csv); --import also loads it.")
final class GenerateSyntheticCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions database;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the files into.")
    Path out;

    @Option(names = "--seed", defaultValue = "" + SyntheticDataset.DEFAULT_SEED, description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--municipalities", defaultValue = "357", description = "Municipalities, the ASSS members included (default: ${DEFAULT-VALUE}).")
    int municipalities;

    @Option(names = "--indicators", defaultValue = "300", description = "Indicators, the two weights included (default: ${DEFAULT-VALUE}).")
    int indicators;

    @Option(names = "--first-year", defaultValue = "2015", description = "First year (default: ${DEFAULT-VALUE}).")
    int firstYear;

    @Option(names = "--last-year", defaultValue = "2024", description = "Last year (default: ${DEFAULT-VALUE}).")
    int lastYear;

    @Option(names = "--import", description = "Import the files into the database (--data/--db-url) after writing them.")
    boolean load;

    @Override
    public Integer call() throws Exception {
        SyntheticDataset dataset = new SyntheticDataset(SeedImporter.catalogOf(SeedFiles.fromClasspath()), seed, municipalities,
                indicators, firstYear, lastYear);
        List<Path> files = dataset.write(out);
        System.out.printf("Wrote SYNTHETIC dataset (%d values) to %s: %s%n", dataset.valueCount(), out,
                files.stream().map(f -> f.getFileName().toString()).toList());
        if (load) {
            try (Services services = database.open()) {
                for (Path file : files) {
                    ImportFormat format = file.getFileName().toString().endsWith(".json") ? ImportFormat.JSON_STAT
                            : file.getFileName().toString().startsWith("group_") ? ImportFormat.CSV : ImportFormat.CATALOG;
                    var report = services.importer().importFile(ImportSource.of(file),
                            new ImportOptions(format, null, Vintage.FINAL, null));
                    System.out.println(new String(Json.bytes(report), StandardCharsets.UTF_8));
                }
            }
        }
        return 0;
    }
}
