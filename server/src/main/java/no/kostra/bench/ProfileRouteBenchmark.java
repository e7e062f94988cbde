package no.kostra.bench;

import io.javalin.Javalin;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
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
 * in the same run, alternating rounds so drift hits both alike, loaded by {@code wrk} ({@link Wrk}) so the client is not
 * what limits. Goal: ratio ≥ 0.8.
 */
@Command(name = "profile-route", mixinStandardHelpOptions = true,
        description = "Cached /api/profile against the trivial /api/version route, same server, same run.")
public final class ProfileRouteBenchmark implements Callable<Integer> {
    /** What every browser and Office's runtimes send. */
    private static final String GZIP = "Accept-Encoding: gzip, deflate, br";

    @Option(names = "--seconds", defaultValue = "5", description = "Length of each measured round (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--rounds", defaultValue = "3", description = "Measured rounds per route (default: ${DEFAULT-VALUE}).")
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
        try (Services services = Services.openSeeded(DatabaseSettings.inMemory("bench-" + System.nanoTime()), Clock.systemUTC())) {
            Javalin app = App.create(services).start("127.0.0.1", 0);
            try {
                String base = "http://127.0.0.1:" + app.port();
                URI trivial = URI.create(base + "/api/version");
                URI profile = URI.create(base + "/api/profile?region=3201&area=KHT&year=2024");
                Wrk load = new Wrk(connections);
                // Warm-up: the JIT, Jetty's buffers and the response cache.
                for (int i = 0; i < 2; i++) {
                    load.run(trivial, Duration.ofSeconds(3));
                    load.run(profile, Duration.ofSeconds(3), GZIP);
                    load.run(profile, Duration.ofSeconds(3));
                }
                Wrk.Result baseline = null;
                Wrk.Result gzipped = null;
                Wrk.Result plain = null;
                for (int i = 0; i < rounds; i++) {
                    Wrk.Result b = load.run(trivial, Duration.ofSeconds(seconds));
                    Wrk.Result g = load.run(profile, Duration.ofSeconds(seconds), GZIP);
                    Wrk.Result p = load.run(profile, Duration.ofSeconds(seconds));
                    baseline = baseline == null ? b : baseline.plus(b);
                    gzipped = gzipped == null ? g : gzipped.plus(g);
                    plain = plain == null ? p : plain.plus(p);
                }
                print("baseline /api/version                ", baseline);
                print("cached /api/profile, gzip (as clients)", gzipped);
                print("cached /api/profile, uncompressed     ", plain);
                System.out.printf(Locale.ROOT, "wrk, %d connections; ratio profile/baseline requests/s: %.2f as browsers and Office"
                        + " ask (Accept-Encoding: gzip; goal >= 0.80), %.2f uncompressed (15 KB a response)%n", connections,
                        gzipped.requestsPerSecond() / baseline.requestsPerSecond(), plain.requestsPerSecond() / baseline.requestsPerSecond());
            } finally {
                app.stop();
            }
        }
        return 0;
    }

    private static void print(String name, Wrk.Result r) {
        System.out.printf(Locale.ROOT, "%s: %.0f requests/s, p50 %.3f ms, p99 %.3f ms (%d requests)%n",
                name, r.requestsPerSecond(), r.p50Millis(), r.p99Millis(), r.requests());
    }
}
