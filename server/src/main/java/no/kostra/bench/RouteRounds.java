package no.kostra.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Several routes of one running server loaded by {@code wrk} in alternating rounds after warm-up, so drift of a shared
 * machine hits each alike; a route's figures are the mean of its rounds (p99 the worst round's).
 */
final class RouteRounds {
    /** What every browser and Office's runtimes send. */
    static final String GZIP = "Accept-Encoding: gzip, deflate, br";
    private static final int WARM_UP_ROUNDS = 2;
    private static final Duration WARM_UP = Duration.ofSeconds(3);

    /** One kind of request: a label, the address, and its request headers. */
    record Load(String label, URI uri, List<String> headers) {
        Load {
            headers = List.copyOf(headers);
        }
    }

    private RouteRounds() {
    }

    /** Warms up (the JIT, Jetty's buffers, the response cache), then measures every load in each round; by label. */
    static Map<String, Wrk.Result> measure(Wrk wrk, List<Load> loads, int rounds, Duration round)
            throws IOException, InterruptedException {
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            for (Load load : loads) {
                wrk.run(load.uri(), WARM_UP, load.headers().toArray(String[]::new));
            }
        }
        Map<String, Wrk.Result> results = new LinkedHashMap<>();
        for (int i = 0; i < rounds; i++) {
            for (Load load : loads) {
                Wrk.Result r = wrk.run(load.uri(), round, load.headers().toArray(String[]::new));
                results.merge(load.label(), r, Wrk.Result::plus);
            }
        }
        results.forEach((label, r) -> System.out.printf(Locale.ROOT, "%-44s: %.0f requests/s, p50 %.3f ms, p99 %.3f ms (%d requests)%n",
                label, r.requestsPerSecond(), r.p50Millis(), r.p99Millis(), r.requests()));
        return results;
    }
}
