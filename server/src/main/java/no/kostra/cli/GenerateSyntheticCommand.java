package no.kostra.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import no.kostra.compute.NorwegianFormat;
import no.kostra.ingest.ImportFormat;
import no.kostra.ingest.ImportOptions;
import no.kostra.ingest.ImportSource;
import no.kostra.ingest.SeedFiles;
import no.kostra.ingest.SeedImporter;
import no.kostra.ingest.synthetic.SyntheticDataset;
import no.kostra.observation.Vintage;
import no.kostra.service.Services;
import no.kostra.text.NorwegianList;
import no.kostra.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "generate-synthetic", mixinStandardHelpOptions = true,
        description = "Skriv et fast (deterministisk), tydelig merket SYNTETISK datasett for hele landet i importformatene"
                + " (regions.csv, indicators.csv, observations.json, group_statistics.csv); --import laster det også inn.")
final class GenerateSyntheticCommand implements Callable<Integer>, ChangesData {
    @Mixin
    DatabaseOptions database;

    @Option(names = "--out", required = true, paramLabel = "MAPPE", description = "Mappen filene skrives til.")
    Path out;

    @Option(names = "--seed", defaultValue = "" + SyntheticDataset.DEFAULT_SEED, description = "Frø for tilfeldige tall (standard: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--municipalities", defaultValue = "357", description = "Antall kommuner, ASSS-kommunene medregnet (standard: ${DEFAULT-VALUE}).")
    int municipalities;

    @Option(names = "--indicators", defaultValue = "300", description = "Antall indikatorer, de to vektene medregnet (standard: ${DEFAULT-VALUE}).")
    int indicators;

    @Option(names = "--first-year", defaultValue = "2015", description = "Første år (standard: ${DEFAULT-VALUE}).")
    int firstYear;

    @Option(names = "--last-year", defaultValue = "2024", description = "Siste år (standard: ${DEFAULT-VALUE}).")
    int lastYear;

    @Option(names = "--import", description = "Importer filene til databasen (--data/--db-url) etter at de er skrevet.")
    boolean load;

    @Override
    public boolean changesData() {
        return load;
    }

    @Override
    public Integer call() throws Exception {
        SyntheticDataset dataset = new SyntheticDataset(SeedImporter.catalogOf(SeedFiles.fromClasspath()), seed, municipalities,
                indicators, firstYear, lastYear);
        List<Path> files = dataset.write(out);
        System.out.printf("Skrev SYNTETISK datasett (%s tall) til %s: %s%n", NorwegianFormat.number(dataset.valueCount(), 0), out,
                NorwegianList.and(files.stream().map(f -> f.getFileName().toString()).toList()));
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
