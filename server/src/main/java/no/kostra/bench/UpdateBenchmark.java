package no.kostra.bench;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import no.kostra.catalog.Catalog;
import no.kostra.ingest.ImportFormat;
import no.kostra.ingest.ImportOptions;
import no.kostra.ingest.ImportReport;
import no.kostra.ingest.ssb.RateLimiter;
import no.kostra.ingest.ssb.SsbClient;
import no.kostra.ingest.update.UpdateProgress;
import no.kostra.ingest.update.UpdateRequest;
import no.kostra.ingest.update.UpdateSummary;
import no.kostra.ingest.update.Updater;
import no.kostra.observation.Vintage;
import no.kostra.service.Services;
import no.kostra.store.DatabaseSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * An update of the shipped catalogue's 357 municipalities ×
 * every indicator of every area the shipped sources map × 2022–2024 from a local StatBank serving generated (seeded) answers, against
 * importing the same figures from one CSV file, each into a fresh embedded database, in the same run. Goal: ratio ≤ 1.5
 * (fetching, reading and computing cost little beside the import). The local StatBank keeps its answers, and a
 * warm-up round fills it, so the rounds time the client's work, not the stub's generating.
 */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Update the 357 municipalities × every mapped indicator of every area × 2022–2024 from a local StatBank; ratio to importing the same figures from one file.")
public final class UpdateBenchmark implements Callable<Integer> {
    private static final List<Integer> YEARS = IntStream.rangeClosed(2022, 2024).boxed().toList();
    private static final int WARM_UP = 2;

    @Option(names = "--rounds", defaultValue = "5", description = "Measured rounds, each an update and a file import (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("kostra-bench-update");
        try {
            Catalog catalog;
            List<no.kostra.catalog.IndicatorSource> sources;
            try (Services probe = fresh(dir, "probe")) {
                catalog = probe.catalogs().current();
                sources = probe.database().read(no.kostra.store.SourceRepository::all);
            }
            UpdateRequest request = new UpdateRequest(YEARS.get(YEARS.size() - 1), Vintage.FINAL, YEARS, true);
            try (LocalStatBank bank = new LocalStatBank(SyntheticStatBank.of(catalog, sources, YEARS)::dataset)) {
                HttpClient http = HttpClient.newHttpClient();
                // A client per update, as the command and the route make one: nothing it remembers carries over.
                java.util.function.Supplier<SsbClient> client = () -> new SsbClient(bank.v2(), null, http,
                        new RateLimiter(Integer.MAX_VALUE, Duration.ofSeconds(60), Clock.systemUTC(), d -> { }),
                        SsbClient.SSB_CELL_LIMIT, null);
                List<double[]> measured = new ArrayList<>();
                for (int round = -WARM_UP + 1; round <= rounds; round++) {
                    double[] times = round(dir, "r" + (round + WARM_UP), request, client, round == -WARM_UP + 1);
                    if (round > 0) {
                        measured.add(times);
                        System.out.printf(Locale.ROOT, "round %d: update %.3f s, file import %.3f s, ratio %.2f%n", round,
                                times[0], times[1], times[0] / times[1]);
                    }
                }
                double[] ratios = measured.stream().mapToDouble(t -> t[0] / t[1]).sorted().toArray();
                System.out.printf(Locale.ROOT, "update / file import: %.2f, median of %d paired rounds (%.2f–%.2f) (goal ≤ 1.5)%n",
                        ratios[ratios.length / 2], ratios.length, ratios[0], ratios[ratios.length - 1]);
            }
            return 0;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** One update and one import of the same figures from a file, each into a fresh database: seconds of each. */
    private static double[] round(Path dir, String name, UpdateRequest request,
                                  java.util.function.Supplier<SsbClient> clients, boolean first)
            throws Exception {
        byte[] file;
        double update;
        UpdateSummary summary;
        try (Services services = fresh(dir, name + "-update")) {
            Updater updater = new Updater(services.database(), services.importer(), services.catalogs()::current);
            SsbClient client = clients.get();
            settle();
            long start = System.nanoTime();
            summary = updater.run(request, client, UpdateProgress.none());
            update = (System.nanoTime() - start) / 1e9;
            if (first) {
                computedMeans(services, request.year());
            }

            file = asCsv(services, summary.importId());
        }
        try (Services services = fresh(dir, name + "-file")) {
            ImportOptions csv = new ImportOptions(ImportFormat.CSV, null, Vintage.FINAL, null);
            settle();
            long start = System.nanoTime();
            ImportReport report = services.importer().importFile("update.csv", file, csv);
            double load = (System.nanoTime() - start) / 1e9;
            if (first) {
                System.out.printf(Locale.ROOT, "%d tables, %d regions, %d years: the update made %d figures and stored %d"
                                + " (%d rejected, %d ratios without a denominator); the file holds the %d stored (added or changed), imported %d%n",
                        summary.tables().size(), summary.regions(), request.years().size(), summary.figures(), summary.added() + summary.changed(),
                        summary.rejected(), summary.incomplete(), report.read(), report.added() + report.changed());
            }
            return new double[] {update, load};
        }
    }

    /**
     * The ASSS mean, highest and lowest of every row of every profile for the report year, formed from the members'
     * figures the update stored (what the profiles show before KS publishes), timed warm against reading the same
     * profiles for Bærum, which a profile answer costs anyway.
     */
    private static void computedMeans(Services services, int year) {
        List<String> profiles = services.catalogs().current().profiles().stream().map(p -> p.code()).toList();
        List<String> groups = services.catalogs().current().memberships().stream().map(m -> m.group()).distinct().toList();
        Runnable means = () -> groups.forEach(g -> profiles.forEach(p -> services.analysis().comparisons().discrepancies(null, p, g, year, year)));
        Runnable tables = () -> profiles.forEach(p -> services.profiles().profile("3201", p, year));
        double[] meanTimes = new double[7];
        double[] tableTimes = new double[7];
        for (int i = -3; i < meanTimes.length; i++) {
            long start = System.nanoTime();
            means.run();
            long middle = System.nanoTime();
            tables.run();
            long end = System.nanoTime();
            if (i >= 0) {
                meanTimes[i] = (middle - start) / 1e9;
                tableTimes[i] = (end - middle) / 1e9;
            }
        }
        java.util.Arrays.sort(meanTimes);
        java.util.Arrays.sort(tableTimes);
        double mean = meanTimes[meanTimes.length / 2];
        double table = tableTimes[tableTimes.length / 2];
        System.out.printf(Locale.ROOT, "goal 'group means ≤ 1 s': the means of all %d groups with members (ASSS, KOSTRA groups,"
                + " counties: every municipality) formed from the members for every row of the %d profiles for %d: %.3f s warm,"
                + " median of 7; beside it the %d profile tables for Bærum: %.3f s%n", groups.size(), profiles.size(), year, mean,
                profiles.size(), table);
    }

    /** Leaves the garbage of preparing (seeding a database) out of what is timed next. */
    private static void settle() throws InterruptedException {
        System.gc();
        Thread.sleep(200);
    }

    private static Services fresh(Path dir, String name) {
        return Services.openSeeded(DatabaseSettings.embedded(dir.resolve(name)), Clock.systemUTC());
    }

    /** The figures an import stored, as a long CSV file under the numbers the source used. */
    private static byte[] asCsv(Services services, long importId) {
        StringBuilder csv = new StringBuilder("region;indicator;year;value;status\n");
        services.database().read(c -> {
            try (PreparedStatement s = c.prepareStatement("select reported_code, indicator_id, ref_year, num_value, status"
                    + " from observation where import_id = ? order by indicator_id, reported_code, ref_year")) {
                s.setLong(1, importId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        BigDecimal value = r.getBigDecimal(4);
                        csv.append(r.getString(1)).append(';').append(r.getString(2)).append(';').append(r.getInt(3)).append(';')
                                .append(value == null ? "" : value.toPlainString()).append(';')
                                .append(r.getString(5) == null ? "" : r.getString(5)).append('\n');
                    }
                }
            }
            return null;
        });
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
