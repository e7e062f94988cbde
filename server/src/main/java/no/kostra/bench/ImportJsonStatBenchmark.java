package no.kostra.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import no.kostra.ingest.ImportFormat;
import no.kostra.ingest.ImportOptions;
import no.kostra.ingest.ImportReport;
import no.kostra.ingest.SeedFiles;
import no.kostra.ingest.SeedImporter;
import no.kostra.ingest.synthetic.SyntheticDataset;
import no.kostra.observation.Vintage;
import no.kostra.service.Services;
import no.kostra.store.DatabaseSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Imports a generated JSON-stat file of about a million values (the synthetic dataset: 357 municipalities × 281
 * indicators × 10 years) into an embedded database in a temp folder, and compares with a bare Jackson token loop over
 * the same bytes in the same run. Goals: parse+validate+load ≤ 3 × the token loop, whole import ≤ 10 s under -Xmx256m.
 */
@Command(name = "import-jsonstat", mixinStandardHelpOptions = true,
        description = "Import a 1-million-value JSON-stat file; ratio to a bare Jackson token loop over the same file.")
public final class ImportJsonStatBenchmark implements Callable<Integer> {
    @Option(names = "--rounds", defaultValue = "3", description = "Measured rounds of the token loop and of parse+validate (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("kostra-bench-import");
        try {
            SyntheticDataset dataset = new SyntheticDataset(SeedImporter.catalogOf(SeedFiles.fromClasspath()),
                    SyntheticDataset.DEFAULT_SEED, 357, 281, 2015, 2024);
            List<Path> files = dataset.write(dir.resolve("synthetic"));
            byte[] json = Files.readAllBytes(files.get(2));
            System.out.printf(Locale.ROOT, "file: %d values, %.1f MB JSON-stat%n", dataset.valueCount(), json.length / 1e6);
            try (Services services = Services.openSeeded(DatabaseSettings.embedded(dir.resolve("db")), Clock.systemUTC())) {
                ImportOptions catalog = new ImportOptions(ImportFormat.CATALOG, null, Vintage.FINAL, null);
                for (Path table : files.subList(0, 2)) {
                    services.importer().importFile(table.getFileName().toString(), Files.readAllBytes(table), catalog);
                }
                ImportOptions options = new ImportOptions(ImportFormat.JSON_STAT, null, Vintage.FINAL, null);
                tokenLoop(json);
                services.importer().check("observations.json", json, options);
                double loop = Double.MAX_VALUE;
                double check = Double.MAX_VALUE;
                for (int i = 0; i < rounds; i++) {
                    loop = Math.min(loop, seconds(() -> tokenLoop(json)));
                    check = Math.min(check, seconds(() -> services.importer().check("observations.json", json, options)));
                }
                long start = System.nanoTime();
                ImportReport first = services.importer().importFile("observations.json", json, options);
                double load = (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                ImportReport again = services.importer().importFile("observations.json", json, options);
                double reload = (System.nanoTime() - start) / 1e9;

                System.out.printf(Locale.ROOT, "baseline Jackson token loop:       %7.3f s%n", loop);
                System.out.printf(Locale.ROOT, "parse+validate:                    %7.3f s  ratio %.2f%n", check, check / loop);
                System.out.printf(Locale.ROOT, "parse+validate+load (%d added):  %7.3f s  ratio %.2f (goal <= 3.00), goal <= 10 s%n",
                        first.added(), load, load / loop);
                System.out.printf(Locale.ROOT, "re-import, nothing changed (%d unchanged): %.3f s  ratio %.2f%n",
                        again.unchanged(), reload, reload / loop);
                System.out.printf(Locale.ROOT, "max heap %d MB%n", Runtime.getRuntime().maxMemory() / (1024 * 1024));
            }
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    /** Reads every token and touches every number: the least any JSON reader must do. */
    private static long tokenLoop(byte[] json) {
        long checksum = 0;
        try (JsonParser p = new JsonFactory().createParser(json)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
                    checksum += (long) p.getDoubleValue();
                } else {
                    checksum++;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return checksum;
    }

    private interface Work {
        Object run() throws Exception;
    }

    private static double seconds(Work work) throws Exception {
        long start = System.nanoTime();
        Object result = work.run();
        if (result == null) {
            throw new IllegalStateException("no result");
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
