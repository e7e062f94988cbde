package no.kostra.bench;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * Requests per second of the cached profile route against the trivial {@code /api/version} route of the same server,
 * in the same run. Goal: the gzipped profile (as browsers and Office ask) at least 0.8 of the trivial route.
 */
@Command(name = "profile-route", mixinStandardHelpOptions = true,
        description = "Cached /api/profile against the trivial /api/version route, same server, same run; and /api/version"
                + " against a bare Javalin app's trivial route.")
public final class ProfileRouteBenchmark extends RouteBenchmark {
    private static final String GZIPPED = "cached /api/profile, gzip (as clients)";
    private static final String PLAIN = "cached /api/profile, uncompressed";

    @Override
    void measure(String base, URI bareHello, Wrk wrk, Duration round) throws Exception {
        URI profile = URI.create(base + "/api/profile?region=3201&area=KHT&year=2024");
        RouteRounds.measure(wrk, List.of(
                new RouteRounds.Load(BARE, bareHello, List.of()),
                new RouteRounds.Load(BASELINE, URI.create(base + "/api/version"), List.of()),
                new RouteRounds.Load(GZIPPED, profile, List.of(RouteRounds.GZIP)),
                new RouteRounds.Load(PLAIN, profile, List.of())), List.of(
                new RouteRounds.Ratio("gzipped profile / trivial route", GZIPPED, BASELINE, 0.8, null),
                new RouteRounds.Ratio("uncompressed profile / trivial route", PLAIN, BASELINE, null,
                        "15 KB a response, no client asks so"),
                SERVICE_OVERHEAD), rounds, round);
    }
}
