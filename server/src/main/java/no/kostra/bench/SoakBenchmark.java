package no.kostra.bench;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import no.kostra.service.Services;
import no.kostra.store.DatabaseSettings;
import no.kostra.web.App;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A soak of mixed traffic against a running service (or one it starts on a fresh embedded database): profiles, series,
 * report downloads and small imports, from many connections kept busy by an asynchronous client, so the load generator
 * is not what limits. Reports throughput, p50/p99 per kind of request and every error; the goal is no error and p99 ≤ 50
 * ms for the JSON routes. A benchmark, not a test: it asserts nothing.
 */
@Command(name = "soak", mixinStandardHelpOptions = true, description = "Mixed traffic for a while: throughput, p50/p99, errors.")
public final class SoakBenchmark implements Callable<Integer> {
    @Option(names = "--url", description = "A running service (default: start one on a fresh embedded database).")
    URI url;

    @Option(names = "--minutes", defaultValue = "10", description = "How long (default: ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--connections", defaultValue = "32", description = "Requests in flight at once (default: ${DEFAULT-VALUE}).")
    int connections;

    private record Kind(String name, String method, String path, boolean json) {
    }

    private static final Kind PROFILE = new Kind("profile", "GET", "/api/profile?region=3201&area=KHT&year=2024", true);
    private static final Kind PROFILE_67 = new Kind("profile PLO 67+", "GET", "/api/profile?region=3201&area=PLO_67&year=2024", true);
    private static final Kind SERIES = new Kind("series", "GET",
            "/api/series?indicator=KHT.serie_netto_per_innbygger&regions=3201,ASSS,3203&from=2021&to=2024", true);
    private static final Kind COMPARISON = new Kind("comparison", "GET",
            "/api/comparison?region=3201&indicator=KHT.ressursbruksindikator&year=2024", true);
    private static final Kind REPORT = new Kind("report download", "GET", "/api/reports/kommunehelse.xlsx?region=3201&year=2024", false);
    private static final Kind IMPORT = new Kind("small import", "POST", "/api/imports?format=csv&name=soak.csv", true);
    private static final List<Kind> KINDS = List.of(PROFILE, PROFILE_67, SERIES, COMPARISON, REPORT, IMPORT);
    /**
     * One round of 50 requests, as a department's day looks: mostly reads of cached tables, now and then a workbook
     * downloaded, rarely a small import; one import in five changes a figure (and so every cached answer), the others
     * send what is stored already.
     */
    private static final List<Kind> MIX = mix();

    private static List<Kind> mix() {
        List<Kind> round = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            round.addAll(List.of(PROFILE, PROFILE, PROFILE, PROFILE_67, PROFILE_67, SERIES, SERIES, COMPARISON, COMPARISON));
        }
        round.addAll(List.of(REPORT, REPORT, REPORT, IMPORT, PROFILE));
        return List.copyOf(round);
    }

    @Override
    public Integer call() throws Exception {
        Path dir = null;
        Services services = null;
        Javalin app = null;
        URI base = url;
        if (base == null) {
            dir = Files.createTempDirectory("kostra-soak");
            services = Services.openSeeded(DatabaseSettings.embedded(dir), Clock.systemUTC());
            app = App.create(services).start("127.0.0.1", 0);
            base = URI.create("http://127.0.0.1:" + app.port());
        }
        try {
            run(base);
            return 0;
        } finally {
            if (app != null) {
                app.stop();
            }
            if (services != null) {
                services.close();
            }
            if (dir != null) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private void run(URI base) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentHashMap<String, List<Long>> latencies = new ConcurrentHashMap<>();
        KINDS.forEach(k -> latencies.put(k.name(), java.util.Collections.synchronizedList(new ArrayList<>())));
        ConcurrentHashMap<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        AtomicLong sent = new AtomicLong();
        Semaphore inFlight = new Semaphore(connections);
        long end = System.nanoTime() + (long) (minutes * 60e9);
        long started = System.nanoTime();
        int i = 0;
        int imports = 0;
        while (System.nanoTime() < end) {
            inFlight.acquire();
            Kind kind = MIX.get(i++ % MIX.size());
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(kind.path())).timeout(Duration.ofSeconds(30));
            if (kind.method().equals("POST")) {
                // Small imports that change one figure now and then, as people correct figures while others read.
                String value = String.format(Locale.ROOT, "0,%03d", 950 + imports++ / 5 % 2);
                request.POST(HttpRequest.BodyPublishers.ofString("region;indicator;year;value\n3201;KHT.ressursbruksindikator;2023;"
                        + value + "\n", StandardCharsets.UTF_8)).header("Content-Type", "text/csv");
            }
            long t0 = System.nanoTime();
            sent.incrementAndGet();
            http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                long took = System.nanoTime() - t0;
                inFlight.release();
                if (failure != null || response.statusCode() >= 400) {
                    errors.computeIfAbsent(kind.name() + " " + (failure != null ? failure.getClass().getSimpleName()
                            : "HTTP " + response.statusCode()), k -> new AtomicInteger()).incrementAndGet();
                } else {
                    latencies.get(kind.name()).add(took);
                }
            });
        }
        inFlight.acquire(connections);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%d requests in %.0f s from %d connections: %.0f requests/s%n", sent.get(), seconds,
                connections, sent.get() / seconds);
        long[] json = KINDS.stream().filter(Kind::json).flatMap(k -> latencies.get(k.name()).stream()).mapToLong(Long::longValue)
                .sorted().toArray();
        for (Kind kind : KINDS) {
            long[] sorted = latencies.get(kind.name()).stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "  %-16s %7d ok, p50 %6.2f ms, p99 %7.2f ms%n", kind.name(), sorted.length,
                    percentile(sorted, 0.50), percentile(sorted, 0.99));
        }
        System.out.printf(Locale.ROOT, "JSON routes: p99 %.2f ms (goal ≤ 50); errors: %s (goal: none)%n", percentile(json, 0.99),
                errors.isEmpty() ? "none" : errors.toString());
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
