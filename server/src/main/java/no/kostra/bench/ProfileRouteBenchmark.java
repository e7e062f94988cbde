package no.kostra.bench;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * Requests per second of the cached profile route against the trivial {@code /api/version} route of the same server,
 * in the same run, alternating rounds so drift hits both alike. Goal: ratio ≥ 0.8.
 */
@Command(name = "profile-route", mixinStandardHelpOptions = true,
        description = "Cached /api/profile against the trivial /api/version route, same server, same run.")
public final class ProfileRouteBenchmark extends RouteBenchmark {
    private static final String GZIPPED = "cached /api/profile, gzip (as clients)";
    private static final String PLAIN = "cached /api/profile, uncompressed";

    @Override
    void measure(String base, Wrk wrk, Duration round) throws Exception {
        String profile = base + "/api/profile?region=3201&area=KHT&year=2024";
        Map<String, Wrk.Result> r = RouteRounds.measure(wrk, List.of(
                new RouteRounds.Load(BASELINE, URI.create(base + "/api/version"), List.of()),
                new RouteRounds.Load(GZIPPED, URI.create(profile), List.of(RouteRounds.GZIP)),
                new RouteRounds.Load(PLAIN, URI.create(profile), List.of())), rounds, round);
        System.out.printf(Locale.ROOT, "wrk, %d connections; ratio profile/baseline requests/s: %.2f as browsers and Office"
                + " ask (Accept-Encoding: gzip; goal >= 0.80), %.2f uncompressed (15 KB a response)%n", connections,
                r.get(GZIPPED).requestsPerSecond() / r.get(BASELINE).requestsPerSecond(),
                r.get(PLAIN).requestsPerSecond() / r.get(BASELINE).requestsPerSecond());
    }
}
