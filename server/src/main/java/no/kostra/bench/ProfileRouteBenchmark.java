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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Requests per second of the cached profile route against the trivial {@code /api/version} route of the same server,
 * in the same run, alternating rounds so drift hits both alike. Goal: ratio ≥ 0.8.
 */
@Command(name = "profile-route", mixinStandardHelpOptions = true,
        description = "Cached /api/profile against the trivial /api/version route, same server, same run.")
public final class ProfileRouteBenchmark implements Callable<Integer> {
    @Option(names = "--seconds", defaultValue = "5", description = "Length of each measured round (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--rounds", defaultValue = "3", description = "Measured rounds per route (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--clients", defaultValue = "4", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Override
    public Integer call() throws Exception {
        try (Services services = Services.openSeeded(DatabaseSettings.inMemory("bench-" + System.nanoTime()), Clock.systemUTC())) {
            Javalin app = App.create(services).start("127.0.0.1", 0);
            try {
                String base = "http://127.0.0.1:" + app.port();
                URI trivial = URI.create(base + "/api/version");
                URI profile = URI.create(base + "/api/profile?region=3201&area=KHT&year=2024");
                HttpLoad load = new HttpLoad(clients);
                load.run(trivial, Duration.ofSeconds(2));
                load.run(profile, Duration.ofSeconds(2));
                HttpLoad.Result baseline = null;
                HttpLoad.Result measured = null;
                for (int i = 0; i < rounds; i++) {
                    HttpLoad.Result b = load.run(trivial, Duration.ofSeconds(seconds));
                    HttpLoad.Result m = load.run(profile, Duration.ofSeconds(seconds));
                    baseline = baseline == null ? b : baseline.plus(b);
                    measured = measured == null ? m : measured.plus(m);
                }
                print("baseline /api/version", baseline);
                print("cached /api/profile  ", measured);
                System.out.printf(Locale.ROOT, "ratio profile/baseline requests/s: %.2f (goal >= 0.80)%n",
                        measured.requestsPerSecond() / baseline.requestsPerSecond());
            } finally {
                app.stop();
            }
        }
        return 0;
    }

    private static void print(String name, HttpLoad.Result r) {
        System.out.printf(Locale.ROOT, "%s: %.0f requests/s, p50 %.3f ms, p99 %.3f ms (%d requests)%n",
                name, r.requestsPerSecond(), r.p50Millis(), r.p99Millis(), r.requests());
    }
}
