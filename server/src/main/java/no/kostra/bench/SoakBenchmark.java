package no.kostra.bench;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpRequest;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import no.kostra.service.Services;
import no.kostra.store.DatabaseSettings;
import no.kostra.web.App;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A soak of mixed traffic against a running service (or one it starts on a fresh embedded database): profiles, series,
 * report downloads and small imports at a fixed rate from an asynchronous client ({@link HttpLoad}), many times what a
 * department sends. Reports throughput, p50/p99 per kind of request and every error; the goal is no error and p99 ≤ 50
 * ms for the JSON routes. A benchmark, not a test: it asserts nothing.
 */
@Command(name = "soak", mixinStandardHelpOptions = true, description = "Mixed traffic for a while: throughput, p50/p99, errors.")
public final class SoakBenchmark implements Callable<Integer> {
    @Option(names = "--url", description = "A running service (default: start one on a fresh embedded database).")
    URI url;

    @Option(names = "--minutes", defaultValue = "10", description = "How long (default: ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--connections", defaultValue = "32", description = "Requests in flight at most (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--rate", defaultValue = "500", description = "Requests per second, sent on schedule whatever the answers"
            + " take (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--warm-up-seconds", defaultValue = "20", description = "Load first, not counted (default: ${DEFAULT-VALUE}).")
    int warmUpSeconds;

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
        ConcurrentHashMap<String, List<Long>> latencies = new ConcurrentHashMap<>();
        KINDS.forEach(k -> latencies.put(k.name(), java.util.Collections.synchronizedList(new ArrayList<>())));
        ConcurrentHashMap<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        HttpLoad load = new HttpLoad(connections, rate);
        // Not counted: the JIT, the connection pools and the response cache warm up first.
        load.run(Duration.ofSeconds(warmUpSeconds), requests(base), (i, status, failure, nanos) -> { });
        long started = System.nanoTime();
        long sent = load.run(Duration.ofMillis((long) (minutes * 60_000)), requests(base), (i, status, failure, nanos) -> {
            Kind kind = MIX.get(i % MIX.size());
            if (failure != null || status >= 400) {
                errors.computeIfAbsent(kind.name() + " " + (failure != null ? failure.getClass().getSimpleName()
                        : "HTTP " + status), k -> new AtomicInteger()).incrementAndGet();
            } else {
                latencies.get(kind.name()).add(nanos);
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%d requests in %.0f s at %.0f requests/s asked, at most %d in flight: %.0f requests/s"
                + " answered; latencies count from when each request was due%n", sent, seconds, rate, connections, sent / seconds);
        long[] json = KINDS.stream().filter(Kind::json).flatMap(k -> latencies.get(k.name()).stream()).mapToLong(Long::longValue)
                .sorted().toArray();
        for (Kind kind : KINDS) {
            long[] sorted = latencies.get(kind.name()).stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "  %-16s %7d ok, p50 %6.2f ms, p99 %7.2f ms%n", kind.name(), sorted.length,
                    HttpLoad.percentile(sorted, 0.50), HttpLoad.percentile(sorted, 0.99));
        }
        System.out.printf(Locale.ROOT, "JSON routes: p99 %.2f ms (goal ≤ 50); errors: %s (goal: none)%n", HttpLoad.percentile(json, 0.99),
                errors.isEmpty() ? "none" : errors.toString());
    }

    /** Request i of the mix; the small imports change one figure now and then, as people correct figures while others read. */
    private static IntFunction<HttpRequest> requests(URI base) {
        return i -> {
            Kind kind = MIX.get(i % MIX.size());
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(kind.path())).timeout(Duration.ofSeconds(30));
            if (kind.method().equals("POST")) {
                String value = String.format(Locale.ROOT, "0,%03d", 950 + i / MIX.size() / 5 % 2);
                request.POST(HttpRequest.BodyPublishers.ofString("region;indicator;year;value\n3201;KHT.ressursbruksindikator;2023;"
                        + value + "\n", StandardCharsets.UTF_8)).header("Content-Type", "text/csv");
            }
            return request.build();
        };
    }
}
