package no.kostra.bench;

import io.javalin.Javalin;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import no.kostra.service.Services;
import no.kostra.store.DatabaseSettings;
import no.kostra.web.App;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/**
 * Requests per second of the cached profile route against the trivial {@code /api/version} route of the same server,
 * in the same run, loaded by {@code wrk} ({@link Wrk}) so the client is not what limits. Each round measures every
 * route once, one after the other, so drift hits them alike; every round's figures are printed, then the minimum,
 * median and maximum of each ratio over the rounds, each labelled with the goal it answers. Goal: the gzipped profile
 * (as browsers and Office ask) at least 0.8 of the trivial route. A bare Javalin app's trivial route, in the same JVM,
 * is measured too: the service's own trivial route against it shows what the service's per-request work costs.
 */
@Command(name = "profile-route", mixinStandardHelpOptions = true,
        description = "Cached /api/profile against the trivial /api/version route, same server, same run; and /api/version"
                + " against a bare Javalin app's trivial route.")
public final class ProfileRouteBenchmark implements Callable<Integer> {
    /** What every browser and Office's runtimes send. */
    private static final String GZIP = "Accept-Encoding: gzip, deflate, br";
    private static final double GOAL = 0.8;

    @Option(names = "--seconds", defaultValue = "5", description = "Length of each measured round (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--rounds", defaultValue = "5", description = "Measured rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--connections", defaultValue = "32", description = "Requests in flight at once (default: ${DEFAULT-VALUE}).")
    int connections;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Wrk.available()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Fant ikke wrk, som denne målingen bruker som lastgenerator: installer den"
                    + " (apt-get install wrk) og prøv igjen.");
        }
        if (rounds < 1 || seconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rounds og --seconds må være minst 1");
        }
        try (Services services = Services.openSeeded(DatabaseSettings.inMemory("bench-" + System.nanoTime()), Clock.systemUTC())) {
            Javalin app = App.create(services).start("127.0.0.1", 0);
            Javalin bare = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.routes.get("/hello", ctx -> ctx.result("Hello World"));
            }).start("127.0.0.1", 0);
            try {
                String base = "http://127.0.0.1:" + app.port();
                URI trivial = URI.create(base + "/api/version");
                URI profile = URI.create(base + "/api/profile?region=3201&area=KHT&year=2024");
                URI hello = URI.create("http://127.0.0.1:" + bare.port() + "/hello");
                Wrk load = new Wrk(connections);
                // Warm-up: the JIT, Jetty's buffers and the response cache.
                for (int i = 0; i < 2; i++) {
                    load.run(hello, Duration.ofSeconds(3));
                    load.run(trivial, Duration.ofSeconds(3));
                    load.run(profile, Duration.ofSeconds(3), GZIP);
                    load.run(profile, Duration.ofSeconds(3));
                }
                List<Double> gzipRatios = new ArrayList<>();
                List<Double> plainRatios = new ArrayList<>();
                List<Double> serviceRatios = new ArrayList<>();
                System.out.printf(Locale.ROOT, "wrk, %d connections, %d rounds of %d s per route%n", connections, rounds, seconds);
                for (int i = 1; i <= rounds; i++) {
                    Wrk.Result h = load.run(hello, Duration.ofSeconds(seconds));
                    Wrk.Result b = load.run(trivial, Duration.ofSeconds(seconds));
                    Wrk.Result g = load.run(profile, Duration.ofSeconds(seconds), GZIP);
                    Wrk.Result p = load.run(profile, Duration.ofSeconds(seconds));
                    gzipRatios.add(g.requestsPerSecond() / b.requestsPerSecond());
                    plainRatios.add(p.requestsPerSecond() / b.requestsPerSecond());
                    serviceRatios.add(b.requestsPerSecond() / h.requestsPerSecond());
                    System.out.printf(Locale.ROOT, "round %d: bare Javalin /hello %s; /api/version %s; /api/profile gzip %s;"
                            + " uncompressed %s%n", i, figures(h), figures(b), figures(g), figures(p));
                    System.out.printf(Locale.ROOT, "round %d: gzipped profile / trivial %.2f (goal >= %.2f); uncompressed profile /"
                            + " trivial %.2f (no goal: 15 KB a response, no client asks so); /api/version / bare Javalin %.2f (no goal:"
                            + " the service's per-request work)%n", i, gzipRatios.get(i - 1), GOAL, plainRatios.get(i - 1),
                            serviceRatios.get(i - 1));
                }
                summary("gzipped profile / trivial route (goal >= 0.80)", gzipRatios);
                summary("uncompressed profile / trivial route (no goal)", plainRatios);
                summary("/api/version / bare Javalin trivial route (no goal)", serviceRatios);
                double worst = gzipRatios.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                System.out.printf(Locale.ROOT, "goal gzipped profile >= %.2f x trivial route: %s (lowest round %.2f)%n", GOAL,
                        worst >= GOAL ? "holds in every round" : "NOT met in every round", worst);
            } finally {
                bare.stop();
                app.stop();
            }
        }
        return 0;
    }

    private static String figures(Wrk.Result r) {
        return String.format(Locale.ROOT, "%.0f req/s, p99 %.2f ms", r.requestsPerSecond(), r.p99Millis());
    }

    private static void summary(String what, List<Double> ratios) {
        List<Double> sorted = ratios.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        System.out.printf(Locale.ROOT, "%s over %d rounds: min %.2f, median %.2f, max %.2f%n", what, n, sorted.get(0), median,
                sorted.get(n - 1));
    }
}
