package no.kostra.bench;

import io.javalin.Javalin;
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
 * the same run ({@link RouteRounds}).
 */
abstract class RouteBenchmark implements Callable<Integer> {
    static final String BASELINE = "baseline /api/version";

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
                measure("http://127.0.0.1:" + app.port(), new Wrk(connections), Duration.ofSeconds(seconds));
            } finally {
                app.stop();
            }
        }
        return 0;
    }

    /** Measures the routes of the server at this address, each round this long, and prints the figures. */
    abstract void measure(String base, Wrk wrk, Duration round) throws Exception;
}
