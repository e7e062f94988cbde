package no.kostra.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.Indicator;
import no.kostra.catalog.Region;
import no.kostra.catalog.RegionKind;
import no.kostra.ingest.ImportFormat;
import no.kostra.ingest.ImportOptions;
import no.kostra.ingest.SeedFiles;
import no.kostra.ingest.SeedImporter;
import no.kostra.ingest.synthetic.SyntheticDataset;
import no.kostra.observation.Vintage;
import no.kostra.service.Services;
import no.kostra.store.DatabaseSettings;
import no.kostra.workbook.ReportTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Two goals of issue 21 in one run. <b>Scale</b>: filling Bærum's workbooks (every template of the catalogue) on the
 * seeded database (the seed reports' figures), against filling them on a database that also holds every municipality of
 * the catalogue (357) over ten years (goal ≤ 1.2×). The big database adds synthetic figures for every catalogue
 * indicator to the municipalities without seeded figures for 2015–2024 and to the seeded ones before 2021, so Bærum's own
 * figures are the same on both; there, the other ASSS members' figures also give Bærum's place among them and means
 * formed from them, which the seeds cannot, so the big database's fill does somewhat more work, as a real one would. <b>Batch</b>: the national batch
 * ({@code report --all --all-municipalities}) on the big database with two threads against one (goal ≥ 1.6×).
 * Median of paired rounds, with the range.
 */
@Command(name = "report-scale", mixinStandardHelpOptions = true,
        description = "Fill cost on the seeds against every municipality over ten years, and the national batch on 2 threads against 1.")
public final class ReportScaleBenchmark implements Callable<Integer> {
    private static final int YEAR = 2024;
    private static final int FIRST_YEAR = YEAR - 9;
    /** Real municipalities keep their seeded figures from this year on, so their workbooks are the same on both databases. */
    private static final int SEEDED_FROM = 2021;
    private static final int MUNICIPALITIES = 357;

    @Option(names = "--rounds", defaultValue = "7", description = "Measured rounds of Bærum's workbooks (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--batch-rounds", defaultValue = "3", description = "Measured rounds of the national batch (default: ${DEFAULT-VALUE}).")
    int batchRounds;

    @Option(names = "--batch-municipalities", defaultValue = "357",
            description = "Municipalities in the batch, the first of the catalogue (default: every one, ${DEFAULT-VALUE}).")
    int batchMunicipalities;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("kostra-bench-report-scale");
        try (Services small = Services.openSeeded(DatabaseSettings.embedded(dir.resolve("small")), Clock.systemUTC());
             Services big = Services.openSeeded(DatabaseSettings.embedded(dir.resolve("big")), Clock.systemUTC())) {
            long start = System.nanoTime();
            int figures = fillTheCountry(big, dir);
            System.out.printf(Locale.ROOT, "databases: %d regions, %d figures; %d regions, %d figures (made in %.1f s)%n",
                    small.catalogs().current().regions().size(), count(small), big.catalogs().current().regions().size(),
                    count(big), (System.nanoTime() - start) / 1e9);
            System.out.printf(Locale.ROOT, "%d synthetic figures imported for %d–%d%n", figures, FIRST_YEAR, YEAR);
            scale(small, big);
            batch(big);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    /** Bærum's workbooks on each database, rounds paired back to back. */
    private void scale(Services small, Services big) {
        // the areas the seeds hold Bærum's figures for (the others are filled after an update from StatBank)
        List<String> templates = small.reports().templates().all().stream().map(ReportTemplate::id)
                .filter(id -> fillable(small, id)).toList();
        System.out.println("Bærum's workbooks with figures in both databases: " + String.join(", ", templates));
        for (int i = 0; i < 3; i++) { // warm-up: designs, JIT, caches of both databases
            fillBaerum(small, templates);
            fillBaerum(big, templates);
        }
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            double onSmall = fillBaerum(small, templates);
            double onBig = fillBaerum(big, templates);
            ratios[r] = onBig / onSmall;
            System.out.printf(Locale.ROOT, "round %d: Bærum's %d workbooks %.1f ms on the seeds, %.1f ms on every municipality"
                    + " over ten years, ratio %.2f%n", r + 1, templates.size(), onSmall, onBig, ratios[r]);
        }
        print("fill on every municipality over ten years / on the seeds", ratios, "goal ≤ 1.2");
    }

    private static boolean fillable(Services services, String template) {
        try {
            services.reports().fill(template, "3201", YEAR);
            return true;
        } catch (no.kostra.errors.NotFoundException e) {
            return false;
        }
    }

    /** Milliseconds to fill every template for Bærum once. */
    private static double fillBaerum(Services services, List<String> templates) {
        long start = System.nanoTime();
        templates.forEach(id -> services.reports().fill(id, "3201", YEAR));
        return (System.nanoTime() - start) / 1e6;
    }

    /** The national batch on one thread and on two, rounds paired back to back. */
    private void batch(Services big) {
        List<String> municipalities = big.catalogs().current().regions().stream().filter(r -> r.kind() == RegionKind.MUNICIPALITY)
                .map(Region::code).limit(batchMunicipalities).toList();
        batchRate(big, municipalities.subList(0, Math.min(20, municipalities.size())), 2); // warm-up
        double[] ratios = new double[batchRounds];
        for (int r = 0; r < batchRounds; r++) {
            double one = batchRate(big, municipalities, 1);
            double two = batchRate(big, municipalities, 2);
            ratios[r] = two / one;
            System.out.printf(Locale.ROOT, "batch round %d: %d municipalities × every template: %.1f workbooks/s on 1 thread,"
                    + " %.1f on 2, ratio %.2f%n", r + 1, municipalities.size(), one, two, ratios[r]);
        }
        print("national batch, 2 threads / 1 thread", ratios, "goal ≥ 1.6");
    }

    /** Workbooks filled per second (those left out for want of figures are not counted). */
    private static double batchRate(Services services, List<String> municipalities, int threads) {
        AtomicInteger filled = new AtomicInteger();
        long start = System.nanoTime();
        services.reports().fillAll(List.of(), municipalities, YEAR, threads, true, report -> filled.incrementAndGet());
        return filled.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static void print(String label, double[] ratios, String goal) {
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: %.2f, median of %d paired rounds (%.2f–%.2f) (%s)%n", label, sorted[sorted.length / 2],
                sorted.length, sorted[0], sorted[sorted.length - 1], goal);
    }

    /**
     * Adds the synthetic catalogue's 357 municipalities (generate-synthetic's regions) and a figure for every catalogue
     * indicator for each: 2015–2024 for the synthetic municipalities, 2015–2020 for those the seeds have figures for. Deterministic.
     *
     * @return the figures imported
     */
    private static int fillTheCountry(Services big, Path dir) throws IOException {
        Catalog seeds = SeedImporter.catalogOf(SeedFiles.fromClasspath());
        Path regions = new SyntheticDataset(seeds, SyntheticDataset.DEFAULT_SEED, MUNICIPALITIES, 3, FIRST_YEAR, YEAR)
                .write(dir.resolve("synthetic")).get(0);
        big.importer().importFile("regions.csv", Files.readAllBytes(regions), new ImportOptions(ImportFormat.CATALOG, null,
                Vintage.FINAL, null));
        Catalog catalog = big.catalogs().current();
        List<Indicator> indicators = catalog.indicators();
        StringBuilder csv = new StringBuilder("region;indicator;year;value\n");
        int rows = 0;
        for (Region region : catalog.regions()) {
            if (region.kind() != RegionKind.MUNICIPALITY) {
                continue;
            }
            // the seeds' own figures (from 2021) are kept; the whole country is in the catalogue, most without figures
            boolean real = big.profiles().years(region.code(), null).withFigures().stream().anyMatch(y -> y >= SEEDED_FROM);
            for (Indicator indicator : indicators) {
                for (int year = FIRST_YEAR; year <= (real ? SEEDED_FROM - 1 : YEAR); year++) {
                    csv.append(region.code()).append(';').append(indicator.id()).append(';').append(year).append(';')
                            .append(String.format(Locale.ROOT, "%.3f", value(indicator, region.code(), year)).replace('.', ','))
                            .append('\n');
                    rows++;
                }
            }
        }
        // made-up figures: some jump tenfold between years, which an import holds unless confirmed
        big.importer().importFile("synthetic-figures.csv", csv.toString().getBytes(StandardCharsets.UTF_8),
                ImportOptions.defaults().acceptOutliers(true));
        return rows;
    }

    /** A plausible figure for the indicator's unit, varied by municipality and year. */
    private static double value(Indicator indicator, String region, int year) {
        double base = switch (indicator.unit()) {
            case PROSENT -> 40;
            case KRONER -> 20_000;
            case RATIO -> 1;
            case AARSVERK -> 8;
            case ANTALL -> 300;
            case TIMER -> 0.8;
        };
        double spread = 0.8 + 0.4 * (Math.floorMod((region + indicator.id()).hashCode(), 1000) / 1000.0);
        return base * spread * (1 + 0.02 * (year - FIRST_YEAR));
    }

    private static long count(Services services) {
        return services.database().read(c -> {
            try (var s = c.createStatement(); var r = s.executeQuery("select count(*) from observation")) {
                r.next();
                return r.getLong(1);
            }
        });
    }
}
