package no.kostra.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * Requests per second of the data route a refreshable workbook's query calls, against the trivial
 * {@code /api/version} route of the same server, in the same run: the route's JSON as Power Query asks for it
 * (gzip), and a refresh that finds the data unchanged ({@code If-None-Match} → 304); the profile route beside them, as
 * both answer from one response cache. Goal: ratio ≥ 0.8.
 */
@Command(name = "data-route", mixinStandardHelpOptions = true,
        description = "Cached /api/data/profile (200 and 304) against the trivial /api/version route, same server, same run.")
public final class DataRouteBenchmark extends RouteBenchmark {
    private static final String DATA = "cached /api/data/profile, gzip";
    private static final String UNCHANGED = "/api/data/profile, If-None-Match (304)";
    private static final String PROFILE = "cached /api/profile, gzip";

    @Override
    void measure(String base, URI bareHello, Wrk wrk, Duration round) throws Exception {
        URI data = URI.create(base + "/api/data/profile?region=3201&area=KHT&year=2024");
        String tag = HttpClient.newHttpClient().send(HttpRequest.newBuilder(data).build(), HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("ETag").orElseThrow(() -> new IllegalStateException(data + " answered no ETag"));
        RouteRounds.measure(wrk, List.of(
                new RouteRounds.Load(BARE, bareHello, List.of()),
                new RouteRounds.Load(BASELINE, URI.create(base + "/api/version"), List.of()),
                new RouteRounds.Load(PROFILE, URI.create(base + "/api/profile?region=3201&area=KHT&year=2024"),
                        List.of(RouteRounds.GZIP)),
                new RouteRounds.Load(DATA, data, List.of(RouteRounds.GZIP)),
                new RouteRounds.Load(UNCHANGED, data, List.of(RouteRounds.GZIP, "If-None-Match: " + tag))), List.of(
                new RouteRounds.Ratio("data route / trivial route", DATA, BASELINE, 0.8, null),
                new RouteRounds.Ratio("unchanged refresh (304) / trivial route", UNCHANGED, BASELINE, null,
                        "what a refresh that finds nothing new costs"),
                new RouteRounds.Ratio("profile route / trivial route", PROFILE, BASELINE, null, "the same cache, for comparison"),
                SERVICE_OVERHEAD), rounds, round);
    }
}
