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
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.IndicatorSource;
import no.kostra.catalog.LayoutRow;
import no.kostra.catalog.RegionKind;
import no.kostra.ingest.ImportFormat;
import no.kostra.ingest.ImportOptions;
import no.kostra.ingest.ImportReport;
import no.kostra.ingest.Importer;
import no.kostra.ingest.ssb.RateLimiter;
import no.kostra.ingest.ssb.SsbClient;
import no.kostra.ingest.update.StoredMetadata;
import no.kostra.ingest.update.UpdateProgress;
import no.kostra.ingest.update.UpdateRequest;
import no.kostra.ingest.update.UpdateSummary;
import no.kostra.ingest.update.Updater;
import no.kostra.observation.Vintage;
import no.kostra.service.Services;
import no.kostra.store.DatabaseSettings;
import no.kostra.store.SourceRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code update} of the shipped catalogue's 357 municipalities (every number each had) and the groups StatBank
 * publishes × every indicator of every area the shipped sources map × 2022–2024, from a local StatBank serving
 * generated, seeded answers (the same figures every run) and enforcing SSB's limits, the window scaled:
 * <ol>
 * <li>issue 21's goals: the calls made against the fewest the limits allow (Σ per table ⌈cells / cell limit⌉), 429
 * answers, and the time against 1.1 × calls × window / 30; for a first update (no table's metadata asked: planned
 * from the catalogue's shapes), after one unreported update against a StatBank of its own has warmed the JVM, the
 * next one, and one with the cell limit scaled down so that the limit of 30 calls a window binds;</li>
 * <li>issue 22 item 4: paired rounds, an update against importing the same figures from one CSV file, each into a
 * fresh embedded database, the figures counted and check-summed every round;</li>
 * <li>issue 22 item 5: every group's mean (ASSS, the KOSTRA groups and counties with members) formed from the members
 * for every indicator of every profile for the report year.</li>
 * </ol>
 */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Update every municipality × every mapped indicator × 2022–2024 from a rate-limited local StatBank:"
                + " calls, 429s and time against the limits; ratio to importing the same figures from one file; group means.")
public final class UpdateBenchmark implements Callable<Integer> {
    private static final List<Integer> YEARS = IntStream.rangeClosed(2022, 2024).boxed().toList();
    private static final int CALLS_PER_WINDOW = 30;
    private static final int WARM_UP = 2;

    @Option(names = "--rounds", defaultValue = "5", description = "Measured paired rounds, each an update and a file import (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--window", defaultValue = "6", description = "Seconds in which StatBank allows 30 calls (SSB: 60; default: ${DEFAULT-VALUE}).")
    int windowSeconds;

    @Option(names = "--repeats", defaultValue = "3",
            description = "Updates (and file imports), each into a fresh database, timed together in each round, so that each side"
                    + " takes seconds on a quiet machine (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--scaled-cell-limit", defaultValue = "8000",
            description = "Cells a call in the run where the call limit binds (SSB: 800 000; default: ${DEFAULT-VALUE}).")
    int scaledCellLimit;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("kostra-bench-update");
        try {
            Catalog catalog;
            List<IndicatorSource> sources;
            try (Services probe = fresh(dir, "probe")) {
                catalog = probe.catalogs().current();
                sources = probe.database().read(SourceRepository::all);
            }
            Duration window = Duration.ofSeconds(windowSeconds);
            UpdateRequest request = new UpdateRequest(YEARS.get(YEARS.size() - 1), Vintage.FINAL, YEARS, true);
            System.out.printf(Locale.ROOT, "update of every municipality (--all-municipalities), %d–%d, against a local StatBank"
                    + " enforcing %d calls per %d s (SSB: per 60 s) and at most the given cells a call (SSB: 800 000)%n",
                    YEARS.get(0), YEARS.get(YEARS.size() - 1), CALLS_PER_WINDOW, windowSeconds);
            warmUp(dir, catalog, sources, request);
            try (LocalStatBank bank = LocalStatBank.synthetic(catalog, sources, YEARS, 0, LocalStatBank.Limits.ssb(window))) {
                bank.load(tables(sources));
                // The client's limiter lives as long as the service: one for every update against this StatBank.
                RateLimiter limiter = RateLimiter.of(CALLS_PER_WINDOW, window);
                try (Services services = fresh(dir, "limits")) {
                    limited(services, bank, limiter, request, SsbClient.SSB_CELL_LIMIT, window, "first update (no table's metadata asked yet: each table planned from the catalogue's shape of it)");
                    limited(services, bank, limiter, request, SsbClient.SSB_CELL_LIMIT, window, "next update (the same queries again)");
                }
                paired(dir, bank, limiter, request, window);
            }
            try (LocalStatBank bank = LocalStatBank.synthetic(catalog, sources, YEARS, 0,
                    new LocalStatBank.Limits(CALLS_PER_WINDOW, window, scaledCellLimit));
                 Services services = fresh(dir, "scaled")) {
                bank.load(tables(sources));
                limited(services, bank, RateLimiter.of(CALLS_PER_WINDOW, window), request, scaledCellLimit, window,
                        "first update, " + scaledCellLimit + " cells a call, so that the limit of " + CALLS_PER_WINDOW + " calls a window binds");
            }
            return 0;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * One update, not reported, against a StatBank of its own into a database of its own: the measured first update then
     * finds the code of the client, the reader and the import compiled, but no answer kept and no metadata remembered.
     */
    private static void warmUp(Path dir, Catalog catalog, List<IndicatorSource> sources, UpdateRequest request) throws Exception {
        try (LocalStatBank bank = LocalStatBank.synthetic(catalog, sources, YEARS, 0, LocalStatBank.Limits.NONE);
             Services services = fresh(dir, "warm-up")) {
            SsbClient client = new SsbClient(bank.v2(), null, HttpClient.newHttpClient(), RateLimiter.of(CALLS_PER_WINDOW,
                    Duration.ofMillis(1)), SsbClient.SSB_CELL_LIMIT, null, new StoredMetadata(services.database(), services.clock()));
            new Updater(services.database(), services.importer(), services.catalogs()::current).run(request, client, UpdateProgress.none());
        }
    }

    private static List<String> tables(List<IndicatorSource> sources) {
        return sources.stream().map(IndicatorSource::table).distinct().toList();
    }

    /** One update against the rate-limited StatBank, with the StatBank's window empty first: calls, refusals, time. */
    private static void limited(Services services, LocalStatBank bank, RateLimiter limiter, UpdateRequest request, int cellLimit,
                                Duration window, String label) throws Exception {
        Thread.sleep(window.toMillis());
        SsbClient client = new SsbClient(bank.v2(), null, HttpClient.newHttpClient(), limiter, cellLimit, null,
                new StoredMetadata(services.database(), services.clock()));
        LocalStatBank.Counts before = bank.counts();
        Fetching fetching = new Fetching();
        long start = System.nanoTime();
        UpdateSummary summary = new Updater(services.database(), services.importer(), services.catalogs()::current)
                .run(request, client, fetching);
        double wall = (System.nanoTime() - start) / 1e9;
        LocalStatBank.Counts after = bank.counts();
        int calls = after.calls() - before.calls();
        long fewest = summary.tables().stream().mapToLong(t -> -Math.floorDiv(-t.cells(), cellLimit)).sum();
        double bound = 1.1 * calls * window.toMillis() / 1000.0 / CALLS_PER_WINDOW;
        System.out.printf(Locale.ROOT, "%s:%n", label);
        System.out.printf(Locale.ROOT, "  calls: %d (%d data, %d metadata); fewest the limits allow: %d (Σ per table ⌈cells / %d⌉,"
                        + " cells %s) -- goal calls <= 1.1 × %d = %.1f: %s (the data calls alone: %s)%n", calls,
                after.data() - before.data(), after.metadata() - before.metadata(), fewest, cellLimit,
                summary.tables().stream().map(t -> t.table() + " " + t.cells()).toList(), fewest, 1.1 * fewest, met(calls <= 1.1 * fewest),
                met(after.data() - before.data() <= 1.1 * fewest));
        System.out.printf(Locale.ROOT, "  429 answers: %d -- goal 0: %s; 400 (too many cells): %d%n",
                after.tooManyRequests() - before.tooManyRequests(), met(after.tooManyRequests() == before.tooManyRequests()),
                after.tooManyCells() - before.tooManyCells());
        System.out.printf(Locale.ROOT, "  time in StatBank calls and waiting for the window: %.2f s -- goal <= 1.1 × %d calls × %d s / %d"
                        + " = %.2f s: %s; the whole update (with reading, computing and importing %d figures): %.2f s%n",
                fetching.seconds(), calls, window.toSeconds(), CALLS_PER_WINDOW, bound, met(fetching.seconds() <= bound),
                summary.figures(), wall);
    }

    private static String met(boolean met) {
        return met ? "met" : "NOT MET";
    }

    /** Time between a table being asked and its pieces fetched: the calls and the waiting for the window. */
    private static final class Fetching implements UpdateProgress {
        private long asked;
        private long total;

        @Override
        public void table(int index, int tables, String table, int percent) {
            if (percent == 0) {
                asked = System.nanoTime();
            } else if (percent == 50) {
                total += System.nanoTime() - asked;
            }
        }

        @Override
        public void importing(int figures) {
        }

        double seconds() {
            return total / 1e9;
        }
    }

    /**
     * Paired rounds: an update (the StatBank's window empty first, so it never waits: it times the client's work) and
     * an import of the same figures from one CSV file, each into a fresh database; two rounds warm up first.
     */
    private void paired(Path dir, LocalStatBank bank, RateLimiter limiter, UpdateRequest request, Duration window) throws Exception {
        List<double[]> measured = new ArrayList<>();
        Set<String> checksums = new LinkedHashSet<>();
        for (int round = -WARM_UP + 1; round <= rounds; round++) {
            byte[] file = null;
            String checksum = null;
            double update = 0;
            UpdateSummary summary = null;
            for (int repeat = 1; repeat <= repeats; repeat++) {
                try (Services services = fresh(dir, "r" + (round + WARM_UP) + "-" + repeat + "-update")) {
                    Updater updater = new Updater(services.database(), services.importer(), services.catalogs()::current);
                    SsbClient client = new SsbClient(bank.v2(), null, HttpClient.newHttpClient(), limiter, SsbClient.SSB_CELL_LIMIT,
                            null, new StoredMetadata(services.database(), services.clock()));
                    Thread.sleep(window.toMillis());
                    settle();
                    long start = System.nanoTime();
                    summary = updater.run(request, client, UpdateProgress.none());
                    update += (System.nanoTime() - start) / 1e9;
                    if (round == -WARM_UP + 1 && repeat == 1) {
                        groupMeans(services, request.year());
                    }
                    byte[] stored = asCsv(services, summary.importId());
                    checksum = Importer.sha256(stored).substring(0, 16);
                    checksums.add(summary.figures() + " " + checksum);
                    file = stored;
                }
            }
            double load = 0;
            ImportReport report = null;
            for (int repeat = 1; repeat <= repeats; repeat++) {
                try (Services services = fresh(dir, "r" + (round + WARM_UP) + "-" + repeat + "-file")) {
                    settle();
                    long start = System.nanoTime();
                    // The update stores SSB's figures even where they jump tenfold; the same figures from a file must be confirmed so.
                    report = services.importer().importFile("update.csv", file,
                            new ImportOptions(ImportFormat.CSV, null, Vintage.FINAL, null).acceptOutliers(true));
                    load += (System.nanoTime() - start) / 1e9;
                }
            }
            if (round > 0) {
                measured.add(new double[] {update, load});
                System.out.printf(Locale.ROOT, "round %d: %d updates %.2f s, %d file imports %.2f s, ratio %.2f; %d figures made, %d"
                        + " stored (the file's rows), checksum of the file %s%n", round, repeats, update, repeats, load, update / load,
                        summary.figures(), report.read(), checksum);
            }
        }
        double[] ratios = measured.stream().mapToDouble(t -> t[0] / t[1]).sorted().toArray();
        double[] updates = measured.stream().mapToDouble(t -> t[0]).sorted().toArray();
        double[] loads = measured.stream().mapToDouble(t -> t[1]).sorted().toArray();
        System.out.printf(Locale.ROOT, "the same figures in every round (issue 22 item 4, deterministic data): %s (%s)%n",
                checksums.size() == 1 ? "yes" : "NO", String.join("; ", checksums));
        System.out.printf(Locale.ROOT, "update %.2f–%.2f s, file import %.2f–%.2f s (issue 22 item 4: each side several seconds)%n",
                updates[0], updates[updates.length - 1], loads[0], loads[loads.length - 1]);
        System.out.printf(Locale.ROOT, "update / file import: median %.2f of %d paired rounds (range %.2f–%.2f) -- goal <= 1.5: %s%n",
                median(ratios), ratios.length, ratios[0], ratios[ratios.length - 1], met(median(ratios) <= 1.5));
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * Every group's mean, highest and lowest (ASSS, and each KOSTRA group and county with members that year) formed
     * from its members' stored figures for every indicator of every profile for the report year, beside the published
     * figures (the discrepancy list), as one call of the service; timed warm, beside reading every profile for Bærum.
     */
    private static void groupMeans(Services services, int year) {
        Catalog catalog = services.catalogs().current();
        List<String> groups = catalog.memberships().stream().map(m -> m.group()).distinct()
                .filter(g -> !catalog.membersOf(g, year).isEmpty()).toList();
        List<String> profiles = catalog.profiles().stream().map(p -> p.code()).toList();
        List<String> indicators = profiles.stream().flatMap(p -> catalog.profileRows(p, year).stream())
                .map(LayoutRow::indicator).map(i -> i.id()).distinct().toList();
        Set<String> covered = new LinkedHashSet<>();
        groups.forEach(g -> covered.addAll(catalog.membersOf(g, year)));
        long memberPlaces = groups.stream().mapToLong(g -> catalog.membersOf(g, year).size()).sum() * indicators.size();
        int stored = services.database().read(c -> {
            try (PreparedStatement s = c.prepareStatement("select count(*) from observation where ref_year = ? and indicator_id in ("
                    + String.join(",", java.util.Collections.nCopies(indicators.size(), "?")) + ")")) {
                s.setInt(1, year);
                for (int i = 0; i < indicators.size(); i++) {
                    s.setString(i + 2, indicators.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            }
        });
        Runnable means = () -> services.analysis().comparisons().discrepancies(indicators, groups, year, year);
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
        Arrays.sort(meanTimes);
        Arrays.sort(tableTimes);
        System.out.printf(Locale.ROOT, "group means for %d (issue 22 item 5): %d groups with members (%s) × %d indicators of the %d"
                        + " profiles = %d means over %d member places (%d figures stored for those indicators that year), the"
                        + " members covering %d of %d municipalities: %.3f s warm, median of 7 (range %.3f–%.3f) -- goal <= 1 s: %s;"
                        + " beside it the %d profiles for Bærum: %.3f s%n",
                year, groups.size(), String.join(" ", groups), indicators.size(), profiles.size(), (long) groups.size() * indicators.size(),
                memberPlaces, stored, covered.size(), catalog.regions().stream().filter(r -> r.kind() == RegionKind.MUNICIPALITY).count(),
                median(meanTimes), meanTimes[0], meanTimes[meanTimes.length - 1], met(median(meanTimes) <= 1), profiles.size(),
                median(tableTimes));
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
