package no.kostra.bench;

import io.javalin.Javalin;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import no.kostra.service.Services;
import no.kostra.store.DatabaseSettings;
import no.kostra.web.App;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A benchmark of routes of one server, started on a fresh seeded in-memory database on loopback and loaded by
 * {@code wrk} ({@link Wrk}, so the client is not what limits), against the trivial {@code /api/version} route measured in
 * the same run ({@link RouteRounds}); beside it a bare Javalin app's trivial route in the same JVM, so the service's own
 * per-request work shows too.
 */
abstract class RouteBenchmark implements Callable<Integer> {
    static final String BASELINE = "baseline /api/version";
    static final String BARE = "bare Javalin /hello";
    static final RouteRounds.Ratio SERVICE_OVERHEAD = new RouteRounds.Ratio("/api/version / bare Javalin /hello", BASELINE,
            BARE, null, "what the service's filters cost a request");

    @Option(names = "--seconds", defaultValue = "5", description = "Length of each measured round (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--rounds", defaultValue = "5", description = "Measured rounds per route (default: ${DEFAULT-VALUE}).")
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
                System.out.printf(java.util.Locale.ROOT, "wrk, %d connections, %d rounds of %d s per route%n", connections, rounds, seconds);
                measure("http://127.0.0.1:" + app.port(), URI.create("http://127.0.0.1:" + bare.port() + "/hello"),
                        new Wrk(connections), Duration.ofSeconds(seconds));
            } finally {
                bare.stop();
                app.stop();
            }
        }
        return 0;
    }

    /** Measures the routes of the server at this address (and the bare app's trivial route), and prints the figures. */
    abstract void measure(String base, URI bareHello, Wrk wrk, Duration round) throws Exception;
}
